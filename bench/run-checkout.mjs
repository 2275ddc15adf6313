// `npm run bench:checkout`: the ordinary storefront checkout (8 Store API calls) on the
// Fission host app against a plain Medusa app of the same version (bench/vanilla: no
// plugins, its own fresh database) and against the host app with every Fission plugin left
// out (only @medusajs/loyalty-plugin, on the Fission database) — all `medusa start` in
// production mode, the same store fixture, requests alternating between the servers.
// Figures and the machine go to bench/results/checkout-<date>.json; bench/README.md records them.
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
const PORTS = {
  fission: Number(process.env.BENCH_PORT_FISSION || 9301),
  vanilla: Number(process.env.BENCH_PORT_VANILLA || 9302),
  loyalty_only: Number(process.env.BENCH_PORT_LOYALTY_ONLY || 9303),
}
const params = checkoutParams()
const FISSION_PLUGINS = "core,distribution,rebates,group-draw,presale,blind-box,membership"

const run = await startRun({ pgName: "pg-bench-checkout", portVar: "FISSION_BENCH_CHECKOUT_PG_PORT", defaultPort: 15469, database: APP_DB })
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
  // Three servers, alternating: the Fission host app; the same app and database with every
  // Fission plugin left out (what @medusajs/loyalty-plugin, which Fission builds store credit
  // on, costs by itself); and the plain Medusa app.
  stores.loyalty_only = stores.fission
  log(`starting the Fission app (:${PORTS.fission}), the host app without Fission (:${PORTS.loyalty_only}) and plain Medusa (:${PORTS.vanilla})…`)
  // BENCH_CPU_PROF=<dir>: the Fission server writes a V8 CPU profile there when it stops (to see where its time goes)
  const nodeArgs = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : []
  const logFile = (name) => `/tmp/fission-bench-checkout-${name}.log`
  servers.push(await startServer({ name: "fission", port: PORTS.fission, env, nodeArgs, logFile: logFile("fission") }))
  servers.push(
    await startServer({ name: "loyalty_only", port: PORTS.loyalty_only, env: { ...env, FISSION_DISABLE_PLUGINS: FISSION_PLUGINS }, logFile: logFile("loyalty-only") })
  )
  servers.push(await startServer({ name: "vanilla", port: PORTS.vanilla, env: vanillaEnv, logFile: logFile("vanilla"), cwd: VANILLA }))
  for (const server of servers) {
    const res = await fetch(`${server.base}/store/fission/compliance`, { headers: { "x-publishable-api-key": stores[server.name].publishable_key } })
    if (res.status !== (server.name === "fission" ? 200 : 404)) throw new Error(`expected Fission routes on the Fission app only (${server.name}: ${res.status})`)
  }

  // Each server has its own store (ids differ): checkout() reads the fixture of the server it runs on.
  const shoppersOf = (name) =>
    stores[name].shoppers.map((s) => ({ ...s, headers: { authorization: `Bearer ${s.token}`, "x-publishable-api-key": stores[name].publishable_key } }))
  const bySide = Object.fromEntries(servers.map((s) => [s.name, shoppersOf(s.name)]))
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
  const ratio = (a, b, key, stat) => Math.round((figures[a][key][stat] / figures[b][key][stat]) * 1000) / 1000
  const ratios = (a, b) => ({
    whole_checkout_p50: ratio(a, b, "whole_checkout", "p50_ms"),
    whole_checkout_mean: ratio(a, b, "whole_checkout", "mean_ms"),
    whole_checkout_p99: ratio(a, b, "whole_checkout", "p99_ms"),
    complete_cart_p50: ratio(a, b, "complete_cart", "p50_ms"),
  })
  const result = await resultOf(run, {
    params: { ...params, ports: PORTS },
    dirs: ["plugins", "src", "medusa-config.ts", "bench"],
    figures: {
      ...figures,
      ratio_fission_vs_vanilla: { ...ratios("fission", "vanilla"), target: "≤ 1.10 (p50 of the whole checkout)" },
      ratio_loyalty_only_vs_vanilla: ratios("loyalty_only", "vanilla"),
      ratio_fission_vs_loyalty_only: ratios("fission", "loyalty_only"),
    },
  })
  result.ratio_fission_vs_vanilla.target_met = result.ratio_fission_vs_vanilla.whole_checkout_p50 <= 1.1
  printHeading("Checkout: Fission host app vs the host app without Fission vs plain Medusa", result)
  latencyHeader()
  const sides = servers.map((s) => s.name)
  for (const side of sides) {
    latencyRow(`${side}: whole checkout (8 Store API calls)`, result[side].whole_checkout)
    latencyRow(`${side}: complete cart`, result[side].complete_cart)
  }
  latencyRow("fission: order placed → its lifecycle work visible", result.fission.background_work)
  console.log(`\n  p50 per call (ms)${"".padEnd(39)}${sides.map((s) => s.padStart(13)).join("")}`)
  for (const step of [...Object.keys(result.fission.steps_p50_ms), "complete_cart"]) {
    const cell = (side) => String(step === "complete_cart" ? result[side].complete_cart.p50_ms : result[side].steps_p50_ms[step]).padStart(13)
    console.log(`  ${step.padEnd(56)}${sides.map(cell).join("")}`)
  }
  console.log(`\n  p50 of the whole checkout: fission / vanilla ${result.ratio_fission_vs_vanilla.whole_checkout_p50} (target ≤ 1.10),`)
  console.log(`  loyalty_only / vanilla ${result.ratio_loyalty_only_vs_vanilla.whole_checkout_p50}, fission / loyalty_only ${result.ratio_fission_vs_loyalty_only.whole_checkout_p50}`)
  log(`figures written to ${writeResult("checkout", result)} (${result.duration_s} s in all)`)
} finally {
  await Promise.all(servers.map((s) => s.stop()))
  if (!process.env.BENCH_KEEP_DB) await dropDatabase(admin, VANILLA_DB)
  await endRun(run)
}
