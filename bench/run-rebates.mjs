// `npm run bench:rebates` (SPEC §3.3, issue "rebates: scale"): the dividend-pool month close
// over BENCH_HOLDERS (default 1,000,000) dividend-point holders — one set-based ledger run —
// then the same close again (must post 0) and reconciliation. See bench/README.md ("Rebates").
import { endRun, fmt, intParam as int, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"

const BENCH_DB = "fission_bench_rebates"
const params = {
  holders: int("BENCH_HOLDERS", 1_000_000),
  pool: process.env.BENCH_POOL || "1000000.00",
  reset: process.env.BENCH_RESET === "1",
}
const run = await startRun({ pgName: "pg-bench-rebates", portVar: "FISSION_BENCH_REBATES_PG_PORT", defaultPort: 54369, database: BENCH_DB })
const { log, env } = run

let code = 0
try {
  log(`month close over ${params.holders.toLocaleString("en")} holders (medusa exec bench/rebates/month-close.ts)…`)
  const close = await medusaExec("bench/rebates/month-close.ts", {
    ...env,
    BENCH_HOLDERS: String(params.holders),
    BENCH_POOL: params.pool,
    BENCH_RESET: params.reset ? "1" : "0",
  })
  const result = await resultOf(run, { params, dirs: ["plugins/rebates", "plugins/core"], figures: { close } })
  printHeading("Rebates benchmark", result)
  const c = close
  console.log(`  holders loaded: ${fmt(c.holders)} (${fmt(c.eligible)} above 3,000) in ${c.fill.seconds} s`)
  console.log(`  month close: ${fmt(c.close.postings)} payout postings${c.reset ? ` + ${fmt(c.close.points_reset)} resets` : ""} in ${c.close.seconds} s; shares ${c.close.min_share} … ${c.close.max_share}, sum ${c.close.paid_total} = pool ${c.pool}: ${c.shares_sum_exactly ? "exact" : "NOT exact"}`)
  console.log(`  second close: ${c.rerun.postings} postings (replayed: ${c.rerun.replayed}) in ${c.rerun.seconds} s; reconcile: ${c.reconcile.ok ? "ok" : "NOT ok"} in ${c.reconcile.seconds} s\n`)
  log(`figures written to ${writeResult("rebates", result)} (${result.duration_s} s in all)`)
  if (!c.shares_sum_exactly || !c.reconcile.ok || c.rerun.postings !== 0) code = 1
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
