// `npm run bench:membership` (SPEC §6, issue "membership scale"): points expiry over
// 1,000,000 lots (core's set-based job, then reconciliation), the daily check-in under
// 200 concurrent customers against a running server, and checkout + capture with the
// membership plugin enabled vs disabled side by side. See bench/README.md ("Membership").
import { captureOrder, compareCheckout, startServer } from "./lib/checkout.mjs"
import {
  checkoutParams,
  endRun,
  fmt,
  intParam as int,
  latencyHeader,
  latencyRow as row,
  medusaExec,
  msUntilRow,
  printHeading,
  resultOf,
  startRun,
  sleep,
  writeResult,
} from "./lib/runner.mjs"
import { checkInBurst } from "./membership/check-ins.mjs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"

const BENCH_DB = "fission_bench_membership"
const params = {
  lots: int("BENCH_LOTS", 1_000_000),
  lot_accounts: Math.max(1, int("BENCH_LOT_ACCOUNTS", 100_000)),
  check_ins: Math.max(1, int("BENCH_CHECKINS", 200)),
  ...checkoutParams(),
}
// BENCH_PARTS=expiry,check-ins,checkout (default: all three) runs only some parts.
const parts = new Set((process.env.BENCH_PARTS || "expiry,check-ins,checkout").split(",").map((p) => p.trim()))
const PORTS = { enabled: int("BENCH_PORT_ENABLED", 9311), disabled: int("BENCH_PORT_DISABLED", 9312) }
const run = await startRun({ pgName: "pg-bench-membership", portVar: "FISSION_BENCH_MEMBERSHIP_PG_PORT", defaultPort: 15459, database: BENCH_DB })
const { log, url, env } = run

async function checkIns(store) {
  log(`check-in burst: ${params.check_ins} customers at once…`)
  const server = await startServer({ name: "membership", port: PORTS.enabled, env, logFile: path.join(os.tmpdir(), "fission-bench-membership-checkins.log") })
  try {
    return await checkInBurst({ base: server.base, url, store, customers: params.check_ins })
  } finally {
    await server.stop()
  }
}

/**
 * After each checkout the admin captures the order (paid, SPEC §0.3: what earns points);
 * on the enabled server the runner then waits until membership recorded the order's
 * points (`membership_order`), then lets both servers settle.
 */
async function captureAndSettle(server, orderId, { admin: adminHeaders }) {
  const t = performance.now()
  await captureOrder(server.base, adminHeaders, orderId)
  const capture_ms = performance.now() - t
  let background_ms = null
  if (server.name === "enabled") {
    background_ms = await msUntilRow(url, `SELECT 1 FROM membership_order WHERE order_id = $1 AND deleted_at IS NULL`, [orderId])
    if (background_ms === null) log(`no points recorded for ${orderId} after 10 s`)
  }
  await sleep(params.settle_ms)
  return { capture_ms, background_ms }
}

function printTable(r) {
  printHeading("Membership benchmark", r)
  const e = r.expiry
  if (e) console.log(`  lots loaded: ${fmt(e.fill.inserted)} over ${fmt(e.accounts)} accounts in ${e.fill.seconds} s (${fmt(e.fill.lots_per_s)} lots/s)`)
  if (e) console.log(`  expiry job: ${fmt(e.job.lots_expired)} lots in ${e.job.seconds} s = ${fmt(e.job.lots_per_s)} lots/s (${fmt(e.job.rows_written_per_s)} rows written/s); still due ${e.job.lots_still_due}`)
  if (e) console.log(`  rerun: ${e.rerun.seconds} s, ${e.rerun.new_expired_postings} new postings; reconcile: ${e.reconcile.ok ? "ok" : "NOT ok"} in ${e.reconcile.seconds} s\n`)
  const c = r.check_ins
  latencyHeader()
  if (c) {
  row(`check-in, ${c.customers} at once (${JSON.stringify(c.first_burst.statuses)})`, c.first_burst.latency)
  console.log(`    p95 ${c.first_burst.latency.p95_ms} ms; burst took ${c.first_burst.seconds} s (${c.first_burst.requests_per_s} req/s)`)
  row(`same burst again (${JSON.stringify(c.second_burst_same_day.statuses)})`, c.second_burst_same_day.latency)
  console.log(`    check_in rows: ${c.check_in_rows} for ${c.distinct_customers} customers: ${c.ok ? "ok" : "NOT ok"}`)
  }
  const k = r.checkout
  if (!k) return
  for (const side of ["enabled", "disabled"]) {
    row(`checkout, whole flow, membership ${side}`, k[side].whole_checkout)
    row(`checkout, complete cart, membership ${side}`, k[side].complete_cart)
    row(`capture (admin), membership ${side}`, k[side].capture)
  }
  row("capture → points recorded (enabled, background)", k.enabled.background_work)
  const q = k.ratio_enabled_vs_disabled
  console.log(`\n  checkout ratio enabled/disabled: p50 ${q.whole_checkout_p50}, mean ${q.whole_checkout_mean}, p99 ${q.whole_checkout_p99}; complete cart p50 ${q.complete_cart_p50}; capture p50 ${q.capture_p50}  (target ≤ 1.10: ${q.target_met ? "met" : "NOT met"})\n`)
}

let code = 0
try {
  let expiry = null
  if (parts.has("expiry")) {
    log(`points expiry over ${params.lots.toLocaleString("en")} lots (medusa exec bench/membership/expire-lots.ts)…`)
    expiry = await medusaExec("bench/membership/expire-lots.ts", {
      ...env,
      BENCH_LOTS: String(params.lots),
      BENCH_LOT_ACCOUNTS: String(params.lot_accounts),
    })
  }
  log("store fixture, admin and shoppers (medusa exec bench/lib/setup-store.ts)…")
  const store = await medusaExec("bench/lib/setup-store.ts", { ...env, BENCH_SHOPPERS: String(Math.max(params.check_ins, params.shoppers)) })

  const check_ins = parts.has("check-ins") ? await checkIns(store) : null
  const checkout = parts.has("checkout") && await compareCheckout({
    plugin: "membership",
    env,
    ports: PORTS,
    store: { ...store, shoppers: store.shoppers.slice(0, params.shoppers) },
    probe: "/store/fission/membership",
    rounds: params.checkouts,
    warmup: params.checkout_warmup,
    settle: captureAndSettle,
    log,
  })

  const result = await resultOf(run, {
    params,
    dirs: ["plugins/membership", "plugins/core"],
    figures: { expiry, check_ins, checkout },
  })
  printTable(result)
  log(`figures written to ${writeResult("membership", result)} (${result.duration_s} s in all)`)
  if (check_ins?.ok === false || expiry?.reconcile.ok === false) code = 1
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
