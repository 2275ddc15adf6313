// The cluster suite's store (run as `medusa exec` before the processes start): the
// benchmarks' store (fixture, admin, BENCH_SHOPPERS shoppers with tokens), plus what
// the event checks need and has no HTTP route of its own here: shopper 0 refers the
// buyers 1..BUYERS, and the 899 package pays a fixed level-1 commission of 100.
// Writes the benchmark store's JSON, with `referrer` and `buyers`, to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import setupBenchStore from "../../bench/lib/setup-store"

export default async function setupClusterStore(args: ExecArgs) {
  await setupBenchStore(args)
  const out = process.env.BENCH_OUT!
  const store = JSON.parse(fs.readFileSync(out, "utf8"))
  const buyers = Number(process.env.CLUSTER_BUYERS || 24)
  const distribution: any = args.container.resolve("fission_distribution")
  const referrer = store.shoppers[0]
  await distribution.createReferrals(
    store.shoppers.slice(1, 1 + buyers).map((s: any) => ({ customer_id: s.customer_id, referrer_id: referrer.customer_id, source: "admin", bound_at: new Date() }))
  )
  await distribution.createProductCommissions({ product_id: store.products["package-899"].product_id, mode: "fixed", level1: 100, level2: 0 })
  // the parallel-withdrawal check makes 20 requests in a day (the default limit is 3)
  const settings = await distribution.retrieveSettings()
  await distribution.updateDistributionSettings({ id: settings.id, withdrawal_daily_limit: 100 })
  fs.writeFileSync(out, JSON.stringify({ ...store, referrer, buyers: store.shoppers.slice(1, 1 + buyers) }))
  // the commission-release job check (checks-jobs.mjs): a delivered order's commission is due at
  // once; no other check delivers an order, so none sees the difference
  await distribution.updateDistributionSettings({ id: settings.id, freeze_days: 0 })
}
