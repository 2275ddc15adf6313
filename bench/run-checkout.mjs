// `npm run bench:checkout`: the ordinary storefront checkout (8 Store API calls) on the
// Fission host app against a plain Medusa app of the same version (bench/vanilla: no
// plugins), both `medusa start` in production mode on their own fresh database, the
// same store fixture, requests alternating between the two servers. Figures and the
// machine go to bench/results/checkout-<date>.json; bench/README.md records them.
import path from "node:path"
import { query } from "../scripts/lib/database.mjs"
import { ROOT } from "../scripts/lib/run.mjs"
import { sideBySide, startServer } from "./lib/checkout.mjs"
import {
  checkoutParams,
  dropDatabase,
  endRun,
  freshDatabase,
  latencyHeader,
  latencyRow,
  medusaExec,
  msUntilRow,
  printHeading,
  resultOf,
  sleep,
  startRun,
  writeResult,
} from "./lib/runner.mjs"

const VANILLA = path.join(ROOT, "bench", "vanilla")
const APP_DB = "fission_bench_checkout"
const VANILLA_DB = "fission_bench_vanilla"
const PORTS = { fission: Number(process.env.BENCH_PORT_FISSION || 9301), vanilla: Number(process.env.BENCH_PORT_VANILLA || 9302) }
const params = checkoutParams()
// BENCH_BASELINE=loyalty-only: compare with the host app without Fission (loyalty plugin only) instead of plain Medusa
const LOYALTY_ONLY = process.env.BENCH_BASELINE === "loyalty-only"
const FISSION_PLUGINS = "core,distribution,rebates,group-draw,presale,blind-box,membership"

const run = await startRun({ pgName: "pg-bench-checkout", portVar: "FISSION_BENCH_CHECKOUT_PG_PORT", defaultPort: 54369, database: APP_DB })
const { log, env, admin, url } = run
const vanillaUrl = url.replace(new RegExp(`/${APP_DB}(\\?|$)`), `/${VANILLA_DB}$1`)
const vanillaEnv = { ...env, DATABASE_URL: vanillaUrl }
const servers = []
try {
  log(`creating and migrating ${VANILLA_DB} for the plain Medusa app…`)
  await freshDatabase(admin, VANILLA_DB, vanillaEnv, { cwd: VANILLA })
  log("store fixture, admin and shoppers on both databases (medusa exec bench/lib/setup-store.ts)…")
  const stores = {
    fission: await medusaExec("bench/lib/setup-store.ts", { ...env, BENCH_SHOPPERS: String(params.shoppers) }),
    vanilla: await medusaExec("bench/lib/setup-store.ts", { ...vanillaEnv, BENCH_SHOPPERS: String(params.shoppers) }, { cwd: VANILLA }),
  }
  log(`starting the Fission app (:${PORTS.fission}) and the plain Medusa app (:${PORTS.vanilla})…`)
  servers.push(await startServer({ name: "fission", port: PORTS.fission, env, logFile: "/tmp/fission-bench-checkout-fission.log" }))
  if (LOYALTY_ONLY) {
    // the host app with every Fission plugin left out, on the Fission database: what @medusajs/loyalty-plugin alone costs
    stores.vanilla = stores.fission
    servers.push(
      await startServer({ name: "vanilla", port: PORTS.vanilla, env: { ...env, FISSION_DISABLE_PLUGINS: FISSION_PLUGINS }, logFile: "/tmp/fission-bench-checkout-vanilla.log" })
    )
  } else {
    servers.push(
      await startServer({ name: "vanilla", port: PORTS.vanilla, env: vanillaEnv, logFile: "/tmp/fission-bench-checkout-vanilla.log", cwd: VANILLA })
    )
  }
  const fissionRoute = await fetch(`${servers[0].base}/store/fission/compliance`, { headers: { "x-publishable-api-key": stores.fission.publishable_key } })
  const vanillaRoute = await fetch(`${servers[1].base}/store/fission/compliance`, { headers: { "x-publishable-api-key": stores.vanilla.publishable_key } })
  if (fissionRoute.status !== 200 || vanillaRoute.status !== 404) throw new Error(`expected Fission routes on the Fission app only (${fissionRoute.status}, ${vanillaRoute.status})`)

  // Each server has its own store (ids differ): checkout() reads the fixture of the server it runs on.
  const shoppersOf = (name) =>
    stores[name].shoppers.map((s) => ({ ...s, headers: { authorization: `Bearer ${s.token}`, "x-publishable-api-key": stores[name].publishable_key } }))
  const bySide = { fission: shoppersOf("fission"), vanilla: shoppersOf("vanilla") }
  log(`${params.checkout_warmup} + ${params.checkouts} checkouts on each server, alternating…`)
  const figures = await sideBySide({
    servers: servers.map((s) => ({ ...s, fixture: stores[s.name], shoppers: bySide[s.name] })),
    rounds: params.checkouts,
    warmup: params.checkout_warmup,
    // the Fission app's lifecycle work for the order (core publishes, distribution records
    // the order) must not overlap the next measurement on the other server
    settle: async (server, orderId) => {
      const background_ms =
        server.name === "fission" ? await msUntilRow(url, `SELECT 1 FROM commission_order WHERE order_id = $1`, [orderId]) : null
      await sleep(params.settle_ms)
      return background_ms === null ? {} : { background_ms }
    },
  })
  const ratio = (key, stat) => Math.round((figures.fission[key][stat] / figures.vanilla[key][stat]) * 1000) / 1000
  const result = await resultOf(run, {
    params: { ...params, ports: PORTS },
    dirs: ["plugins", "src", "medusa-config.ts", "bench"],
    figures: {
      ...figures,
      ratio_fission_vs_vanilla: {
        whole_checkout_p50: ratio("whole_checkout", "p50_ms"),
        whole_checkout_mean: ratio("whole_checkout", "mean_ms"),
        whole_checkout_p99: ratio("whole_checkout", "p99_ms"),
        complete_cart_p50: ratio("complete_cart", "p50_ms"),
        target: "≤ 1.10 (p50 of the whole checkout)",
      },
    },
  })
  result.ratio_fission_vs_vanilla.target_met = result.ratio_fission_vs_vanilla.whole_checkout_p50 <= 1.1
  printHeading("Checkout: Fission host app vs plain Medusa", result)
  latencyHeader()
  for (const side of ["fission", "vanilla"]) {
    latencyRow(`${side}: whole checkout (8 Store API calls)`, result[side].whole_checkout)
    latencyRow(`${side}: complete cart`, result[side].complete_cart)
  }
  latencyRow("fission: order placed → its lifecycle work visible", result.fission.background_work)
  console.log(`\n  p50 per call (ms)${"".padEnd(39)}${"fission".padStart(10)}${"vanilla".padStart(10)}`)
  for (const step of [...Object.keys(result.fission.steps_p50_ms), "complete_cart"]) {
    const f = step === "complete_cart" ? result.fission.complete_cart.p50_ms : result.fission.steps_p50_ms[step]
    const v = step === "complete_cart" ? result.vanilla.complete_cart.p50_ms : result.vanilla.steps_p50_ms[step]
    console.log(`  ${step.padEnd(56)}${String(f).padStart(10)}${String(v).padStart(10)}`)
  }
  console.log(`\n  ratio fission / vanilla, p50 of the whole checkout: ${result.ratio_fission_vs_vanilla.whole_checkout_p50} (target ≤ 1.10)`)
  log(`figures written to ${writeResult("checkout", result)} (${result.duration_s} s in all)`)
} finally {
  await Promise.all(servers.map((s) => s.stop()))
  if (!process.env.BENCH_KEEP_DB) await dropDatabase(admin, VANILLA_DB)
  await endRun(run)
}
