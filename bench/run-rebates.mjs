// `npm run bench:rebates` (SPEC §3.1, §3.3, issue "rebates: scale"):
// - close: the dividend-pool month close over BENCH_HOLDERS (default 1,000,000) dividend-point
//   holders — one set-based ledger run — then the same close again (must post 0) and reconciliation;
// - evaluate: a 1,000,000-member referral forest with a month of 1,000,000 paid orders, every
//   customer's month evaluated in one set-based pass, again (must post 0), reconciliation.
// BENCH_PARTS=close (default) or close,evaluate. See bench/README.md ("Rebates").
import { endRun, fmt, intParam as int, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"
import { loadForest } from "./distribution/load-forest.mjs"
import { loadActivity } from "./distribution/load-activity.mjs"

const BENCH_DB = "fission_bench_rebates"
const params = {
  holders: int("BENCH_HOLDERS", 1_000_000),
  pool: process.env.BENCH_POOL || "1000000.00",
  reset: process.env.BENCH_RESET === "1",
  forest: int("BENCH_FOREST", 1_000_000),
  month_orders: int("BENCH_MONTH_ORDERS", 1_000_000),
}
const parts = new Set((process.env.BENCH_PARTS || "close").split(",").map((p) => p.trim()))
const run = await startRun({ pgName: "pg-bench-rebates", portVar: "FISSION_BENCH_REBATES_PG_PORT", defaultPort: 15469, database: BENCH_DB })
const { log, env, url } = run

/** The forest and a month of orders in distribution's tables, and the same orders as rebates' month records. */
async function loadMonth() {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    log(`loading a ${params.forest.toLocaleString("en")}-member forest…`)
    const forest = await loadForest(client, { members: params.forest, maxDepth: 30, newcomers: 0, orders: 0 })
    log(`forest in ${forest.seconds} s; ${params.month_orders.toLocaleString("en")} orders this month…`)
    const activity = await loadActivity(client, { members: params.forest, monthOrders: params.month_orders, historyOrders: 0 })
    const { rows: [{ month }] } = await client.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month`)
    const t = performance.now()
    // rebates' own record of each paid order (what its fission.order.paid subscriber writes), for the same month
    await client.query(
      `INSERT INTO rebate_order (id, order_id, customer_id, month, currency_code, paid_amount, raw_paid_amount,
         reversed_amount, raw_reversed_amount, paid_at)
       SELECT 'rbord_' || o.id, o.order_id, o.buyer_id, $1, 'cny', o.base_total, o.raw_base_total,
              LEAST(o.base_total, COALESCE(o.refunded_total, 0)), jsonb_build_object('value', LEAST(o.base_total, COALESCE(o.refunded_total, 0))::text, 'precision', 20),
              o.paid_at
         FROM commission_order o WHERE o.id LIKE 'cord_act_%' AND o.status <> 'canceled'
          AND to_char(o.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $1`,
      [month]
    )
    await client.query(`ANALYZE rebate_order`)
    return { month, forest: { members: params.forest, seconds: forest.seconds }, activity: { orders: activity.orders, seconds: activity.seconds }, rebate_orders_s: Math.round((performance.now() - t) / 10) / 100 }
  } finally {
    await client.end()
  }
}

let code = 0
try {
  let close = null
  let evaluate = null
  if (parts.has("close")) {
    log(`month close over ${params.holders.toLocaleString("en")} holders (medusa exec bench/rebates/month-close.ts)…`)
    close = await medusaExec("bench/rebates/month-close.ts", {
      ...env,
      BENCH_HOLDERS: String(params.holders),
      BENCH_POOL: params.pool,
      BENCH_RESET: params.reset ? "1" : "0",
    })
  }
  if (parts.has("evaluate")) {
    const load = await loadMonth()
    log(`level evaluation of ${load.month} (medusa exec bench/rebates/evaluate-month.ts)…`)
    evaluate = { load, ...(await medusaExec("bench/rebates/evaluate-month.ts", { ...env, BENCH_MONTH: load.month })) }
  }
  const result = await resultOf(run, { params, dirs: ["plugins/rebates", "plugins/core"], figures: { close, evaluate } })
  printHeading("Rebates benchmark", result)
  const c = close
  if (c) {
  console.log(`  holders loaded: ${fmt(c.holders)} (${fmt(c.eligible)} above 3,000) in ${c.fill.seconds} s`)
  console.log(`  month close: ${fmt(c.close.postings)} payout postings${c.reset ? ` + ${fmt(c.close.points_reset)} resets` : ""} in ${c.close.seconds} s; shares ${c.close.min_share} … ${c.close.max_share}, sum ${c.close.paid_total} = pool ${c.pool}: ${c.shares_sum_exactly ? "exact" : "NOT exact"}`)
  if (c.next_month) console.log(`  next month's close (payout accounts exist): ${fmt(c.next_month.postings)} postings in ${c.next_month.seconds} s`)
  console.log(`  second close: ${c.rerun.postings} postings (replayed: ${c.rerun.replayed}) in ${c.rerun.seconds} s; reconcile: ${c.reconcile.ok ? "ok" : "NOT ok"} in ${c.reconcile.seconds} s\n`)
  if (!c.shares_sum_exactly || !c.reconcile.ok || c.rerun.postings !== 0) code = 1
  }
  const e = evaluate
  if (e) {
    console.log(`  forest ${fmt(e.load.forest.members)} members (${e.load.forest.seconds} s), ${fmt(e.orders)} paid orders in ${e.month}`)
    console.log(`  evaluation: ${fmt(e.first.customers)} customers (${fmt(e.first.team_candidates)} team candidates), ${fmt(e.first.postings)} award postings in ${e.first.seconds} s`)
    console.log(`  second pass: ${e.second.postings} postings in ${e.second.seconds} s; levels ${JSON.stringify(e.customers_per_level)}; reconcile: ${e.reconcile.ok ? "ok" : "NOT ok"}\n`)
    if (!e.reconcile.ok || e.second.postings !== 0) code = 1
  }
  log(`figures written to ${writeResult("rebates", result)} (${result.duration_s} s in all)`)
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
