// `npm run bench:distribution`: the referral forest at scale (SPEC §2, issue "Scale").
// Loads a 1,000,000-member forest (depth ≤ 30) set-based, then measures in-process
// bind / ancestor lookup / commission plan / team summary latency, and finally runs
// checkouts side by side against two servers on the same database — distribution
// plugin enabled vs disabled. See bench/README.md ("Distribution") for the figures.
import { compareCheckout } from "./lib/checkout.mjs"
import {
  checkoutParams,
  endRun,
  fmt,
  intParam as int,
  latencyHeader,
  latencyRow as row,
  medusaExec,
  printHeading,
  resultOf,
  startRun,
  msUntilRow,
  sleep,
  writeResult,
} from "./lib/runner.mjs"
import { loadForest } from "./distribution/load-forest.mjs"

const BENCH_DB = "fission_bench_dist"
const params = {
  forest: int("BENCH_FOREST", 1_000_000),
  max_depth: Math.max(1, int("BENCH_MAX_DEPTH", 30)),
  binds: int("BENCH_BINDS", 500),
  warmup: int("BENCH_WARMUP", 20),
  paid_orders: int("BENCH_PAID_ORDERS", 100_000),
  ...checkoutParams(),
}
const PORTS = { enabled: int("BENCH_PORT_ENABLED", 9301), disabled: int("BENCH_PORT_DISABLED", 9302) }
const run = await startRun({ pgName: "pg-bench-dist", portVar: "FISSION_BENCH_DIST_PG_PORT", defaultPort: 15449, database: BENCH_DB })
const { log, url, env } = run

/**
 * The enabled server records the order's commissions in the background: wait for
 * them (returns how long that took after the response), then let both servers settle.
 */
async function settleAfter(server, orderId) {
  let background_ms = null
  if (server.name === "enabled") {
    background_ms = await msUntilRow(url, `SELECT 1 FROM commission_order WHERE order_id = $1`, [orderId])
    if (background_ms === null) log(`no commissions recorded for ${orderId} after 10 s`)
  }
  await sleep(params.settle_ms)
  return { background_ms }
}

const checkoutSideBySide = (store) =>
  compareCheckout({
    plugin: "distribution",
    env,
    ports: PORTS,
    store,
    probe: "/store/fission/team/summary",
    rounds: params.checkouts,
    warmup: params.checkout_warmup,
    settle: settleAfter,
    log,
  })

function printTable(r) {
  printHeading("Distribution benchmark", r)
  const l = r.load
  console.log(`  forest: ${fmt(l.members)} members, depth ≤ ${l.max_depth}, ${fmt(l.roots)} roots; loaded ${fmt(l.rows)} rows in ${l.seconds} s (${fmt(l.rows_per_s)} rows/s)\n`)
  latencyHeader()
  const b = r.in_process.bind
  row("bind (bindReferralCodeWorkflow)", b.workflow)
  row("  referrer at depth 0–5", b.workflow_referrer_depth_0_to_5)
  row("  referrer at depth ≥ 20", b.workflow_referrer_depth_20_plus)
  row("  of which service.changeReferrer alone", b.service_change_referrer)
  const split = b.time_split_per_workflow_bind
  console.log(`    (one bind: ${b.statements_per_workflow_bind.count} statements; ${split.waiting_for_postgres_ms} ms waiting for PostgreSQL, ${split.rest_ms} ms in Node, mean of ${split.binds})`)
  const a = r.in_process.ancestors
  for (const [k, v] of Object.entries(a)) row(`ancestor lookup (getReferralAncestors) ${k}`, v)
  const c = r.in_process.commissions
  row(`commission plan, one order (${c.commission_lines_per_order} lines)`, c.plan_one_order)
  row("record commissions, one order (workflow + ledger)", c.record_one_order)
  const t = r.in_process.team_summary
  row("team summary route, random members", t.random_members)
  row(`team summary route, biggest team (${fmt(t.biggest_team.team.level1 + t.biggest_team.team.level2 + t.biggest_team.team.level3)})`, t.biggest_team.route)
  row("  of which counts (team_counter)", t.biggest_team_counts_only)
  row(`  of which month's sales (${fmt(t.biggest_team.paid_orders_of_levels_1_2)} orders)`, t.biggest_team_sales_only)
  row("team summary route, 10 biggest teams", t.ten_biggest_teams)
  const k = r.checkout
  for (const side of ["enabled", "disabled"]) {
    row(`checkout, whole flow, distribution ${side}`, k[side].whole_checkout)
    row(`checkout, complete cart, distribution ${side}`, k[side].complete_cart)
  }
  row("order placed → commissions recorded (background)", k.enabled.background_work)
  const q = k.ratio_enabled_vs_disabled
  console.log(`\n  checkout ratio enabled/disabled: p50 ${q.whole_checkout_p50}, mean ${q.whole_checkout_mean}, p99 ${q.whole_checkout_p99}; complete cart p50 ${q.complete_cart_p50}  (target ≤ 1.10: ${q.target_met ? "met" : "NOT met"})`)
  console.log(`  consistency (team counters and new closure rows): ${r.in_process.consistency.ok ? "ok" : "NOT ok"}\n`)
}

let code = 0
try {
  log(`loading a ${params.forest.toLocaleString("en")}-member forest (depth ≤ ${params.max_depth})…`)
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let load
  try {
    load = await loadForest(client, {
      members: params.forest,
      maxDepth: params.max_depth,
      newcomers: 2 * (params.binds + params.warmup) + 20, // + measure.ts's PROBE_BINDS
      orders: params.paid_orders,
    })
  } finally {
    await client.end()
  }
  log(`loaded ${load.rows.toLocaleString("en")} rows in ${load.seconds} s (${load.rows_per_s.toLocaleString("en")} rows/s)`)

  log("store fixture and shoppers (medusa exec bench/distribution/setup-store.ts)…")
  const store = await medusaExec("bench/distribution/setup-store.ts", { ...env, BENCH_SHOPPERS: String(params.shoppers) })

  log("in-process measurements (medusa exec bench/distribution/measure.ts)…")
  const inProcess = await medusaExec("bench/distribution/measure.ts", { ...env, BENCH_BINDS: String(params.binds), BENCH_WARMUP: String(params.warmup) })

  const checkout = await checkoutSideBySide(store)

  const result = await resultOf(run, {
    params,
    dirs: ["plugins/distribution"],
    figures: { load, in_process: inProcess, checkout },
  })
  printTable(result)
  log(`figures written to ${writeResult("distribution", result)} (${result.duration_s} s in all)`)
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
