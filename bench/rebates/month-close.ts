// The dividend-pool month close at scale, run by `npm run bench:rebates` as
// `medusa exec bench/rebates/month-close.ts`: BENCH_HOLDERS customers holding dividend
// points (loaded set-based into @fission/core's ledger tables like award postings, so
// `reconcile()` holds), then @fission/rebates' closeRebateMonthWorkflow through the real
// container (claim → core's set-based postProRata → run recorded), a second close of the
// same month (must post 0), a check that the shares sum exactly to the pool, and
// reconciliation. Figures go to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { closeRebateMonthWorkflow } from "@fission/rebates/workflows"
import type { LedgerModuleService } from "../../plugins/core/src/modules/ledger"
import { customer, platform } from "../../plugins/core/src/utils/ledger"
import { nowMs, round } from "../ledger/stats"

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)
const CHUNK = 200_000

export default async function monthCloseBench({ container }: ExecArgs) {
  const holders = Number(process.env.BENCH_HOLDERS || 1_000_000)
  const pool = process.env.BENCH_POOL || "1000000.00"
  const reset = process.env.BENCH_RESET === "1"
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const rebates: any = container.resolve("fission_rebates")
  const one = async (sql: string, b: any[] = []) => (await knex.raw(sql, b)).rows[0]

  // one award through the service creates the platform account the fill debits
  await ledger.post([
    {
      idempotency_key: "bench:rebates:seed",
      asset: "dividend_points",
      amount: 1,
      from: platform("rebates_awards"),
      to: customer("bench_rebates_seed"),
      reason: "rebates.level_award",
      source_type: "bench",
      source_id: "seed",
    },
  ])
  const { id: awards } = await one(`SELECT id FROM ledger_account WHERE key = 'platform:rebates_awards:dividend_points:-:main'`)

  log(`loading ${holders.toLocaleString("en")} dividend-point holders…`)
  const tFill = nowMs()
  // points 2,000 … 61,999: about 1/60 of the holders are at or below the 3,000 threshold
  const points = (g: string) => `(2000 + ((${g})::bigint * 7919) % 60000)`
  await knex.raw(
    `INSERT INTO ledger_account (id, key, owner_type, owner_id, purpose, asset, currency_code, allow_negative, tracks_lots, posted, raw_posted)
     SELECT 'lacc_00rb' || lpad(g::text, 10, '0'), 'customer:bench_rb_' || g || ':dividend_points:-:main', 'customer',
            'bench_rb_' || g, 'main', 'dividend_points', NULL, false, false, ${points("g")},
            jsonb_build_object('value', ${points("g")}::text, 'precision', 20)
       FROM generate_series(1, ?::int) g`,
    [holders]
  )
  for (let from = 1; from <= holders; from += CHUNK) {
    const to = Math.min(holders, from + CHUNK - 1)
    await knex.raw(
      `INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT 'lpst_00rb' || lpad(g::text, 12, '0'), 'bench:rb:' || g, 'dividend_points', NULL, ${points("g")},
              jsonb_build_object('value', ${points("g")}::text, 'precision', 20), ?,
              'lacc_00rb' || lpad(g::text, 10, '0'), 'posted', 'rebates.level_award', 'bench', 'fill:' || g, now()
         FROM generate_series(?::int, ?::int) g`,
      [awards, from, to]
    )
  }
  await knex.raw(`VACUUM ANALYZE ledger_account, ledger_posting`)
  const fillS = (nowMs() - tFill) / 1000
  const eligible = Number((await one(`SELECT COUNT(*)::int AS n FROM ledger_account WHERE id LIKE 'lacc_00rb%' AND posted > 3000`)).n)

  const settings = await rebates.retrieveSettings()
  await rebates.updateRebateSettings({
    id: settings.id,
    currency_code: "cny",
    pool_mode: "fixed",
    pool_amount: pool,
    pool_threshold: 3000,
    payout_destination: "commission",
    points_after_close: reset ? "reset" : "keep",
  })
  const month = "2026-11"
  log(`closing ${month}: pool ${pool} over ${eligible.toLocaleString("en")} holders above 3,000…`)
  const t = nowMs()
  const { result } = await closeRebateMonthWorkflow(container).run({ input: { month } })
  const closeS = (nowMs() - t) / 1000
  log(`closed in ${round(closeS)} s: ${result.postings} postings`)

  const t2 = nowMs()
  const { result: again } = await closeRebateMonthWorkflow(container).run({ input: { month } })
  const rerunS = (nowMs() - t2) / 1000

  // the next month: the holders' commission accounts exist now (the steady state of a monthly close)
  const t3 = nowMs()
  const { result: next } = await closeRebateMonthWorkflow(container).run({ input: { month: "2026-12" } })
  const nextS = (nowMs() - t3) / 1000
  log(`next month closed in ${round(nextS)} s: ${next.postings} postings`)

  const paid = await one(
    `SELECT COUNT(*)::int AS n, SUM(amount)::text AS total, MIN(amount)::text AS min, MAX(amount)::text AS max,
            SUM(amount) = CAST(? AS numeric) AS exact
       FROM ledger_posting WHERE reason = 'rebates.pool_payout' AND source_id = ? AND deleted_at IS NULL`,
    [pool, result.run.id]
  )
  const tReconcile = nowMs()
  const reconciliation: any = await ledger.reconcile()
  const reconcileS = (nowMs() - tReconcile) / 1000

  const out = {
    holders,
    eligible,
    pool,
    reset,
    fill: { seconds: round(fillS) },
    close: { seconds: round(closeS), postings: result.postings, holders_paid: paid.n, paid_total: paid.total, min_share: paid.min, max_share: paid.max, points_reset: result.run.points_reset },
    shares_sum_exactly: paid.exact === true && Number(paid.n) === eligible,
    rerun: { seconds: round(rerunS), replayed: again.replayed, postings: again.postings },
    next_month: { seconds: round(nextS), postings: next.postings },
    reconcile: { ok: reconciliation.ok, seconds: round(reconcileS) },
  }
  log(JSON.stringify(out))
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(out))
}
