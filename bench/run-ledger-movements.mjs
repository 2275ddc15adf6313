// `npm run bench:ledger-movements` (issue 15, "Growth overview"): core's maintained movement buckets
// at 10,000,000 postings — the Growth overview's read (the handler's two platformMovements calls)
// from the buckets next to the same sums over postings, and the cost on the posting write path
// (concurrent single postings, the trigger keeping totals + buckets vs totals only, alternating in
// one run). Shares the platform-totals benchmark's embedded server (FISSION_BENCH_TOTALS_PG_PORT).
// See bench/README.md ("Movement buckets").
import { endRun, fmt, intParam as int, latencyHeader, latencyRow, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"

const BENCH_DB = "fission_bench_movements"
const params = {
  seconds: int("BENCH_SECONDS", 15),
  concurrency: int("BENCH_CONCURRENCY", 8),
  rounds: int("BENCH_ROUNDS", 2),
  postings: int("BENCH_POSTINGS", 10_000_000),
  accounts: int("BENCH_ACCOUNTS", 100_000),
  days: int("BENCH_DAYS", 90),
  reads: int("BENCH_READS", 200),
  derived_reads: int("BENCH_DERIVED_READS", 3),
  trigger_statements: int("BENCH_TRIGGER_STATEMENTS", 2000),
  trigger_reps: int("BENCH_TRIGGER_REPS", 3),
  bulk_rows: int("BENCH_BULK_ROWS", 1_000_000),
  time_zone: process.env.BENCH_TIME_ZONE ?? "Asia/Shanghai",
}
const run = await startRun({ pgName: "pg-bench-totals", portVar: "FISSION_BENCH_TOTALS_PG_PORT", defaultPort: 15473, database: BENCH_DB })
const { log, env } = run

let code = 0
try {
  log(`medusa exec bench/ledger/movements.ts…`)
  const figures = await medusaExec("bench/ledger/movements.ts", {
    ...env,
    BENCH_SECONDS: String(params.seconds),
    BENCH_CONCURRENCY: String(params.concurrency),
    BENCH_ROUNDS: String(params.rounds),
    BENCH_POSTINGS: String(params.postings),
    BENCH_ACCOUNTS: String(params.accounts),
    BENCH_DAYS: String(params.days),
    BENCH_READS: String(params.reads),
    BENCH_DERIVED_READS: String(params.derived_reads),
    BENCH_TRIGGER_STATEMENTS: String(params.trigger_statements),
    BENCH_TRIGGER_REPS: String(params.trigger_reps),
    BENCH_BULK_ROWS: String(params.bulk_rows),
    BENCH_TIME_ZONE: params.time_zone,
  })
  const result = await resultOf(run, { params, dirs: ["plugins/core", "bench"], figures })
  printHeading("Movement buckets benchmark", result)
  console.log(`  fill: ${fmt(figures.fill.inserted)} postings over ${params.days} days in ${figures.fill.seconds} s → ${fmt(figures.fill.postings_in_table)} in the table`)
  const x = figures.window
  console.log(`  last 30 days (${x.time_zone}): ${fmt(x.postings_in_30_days)} postings, ${fmt(x.bucket_rows_in_30_days)} bucket rows (${fmt(x.buckets_in_30_days)} buckets)\n`)
  const w = figures.write_path
  console.log(`  single postings to platform:points_issued, ${params.concurrency} workers × ${params.seconds} s per phase:`)
  for (const p of w.phases) {
    console.log(`    ${p.buckets ? "totals + buckets" : "totals only     "}  ${fmt(p.postings_per_s).padStart(7)} /s   p50 ${p.latency.p50_ms} ms  p99 ${p.latency.p99_ms} ms  Node CPU ${p.node_cpu_ms_per_posting} ms/posting${p.errors ? `  errors ${p.errors}` : ""}`)
  }
  console.log(`    mean: totals only ${fmt(w.postings_per_s.totals_only)} /s, totals + buckets ${fmt(w.postings_per_s.totals_and_buckets)} /s (ratio ${w.buckets_vs_totals_only})\n`)
  const tc = figures.trigger_cost
  if (tc) {
    const m = tc.ms_per_statement_median
    console.log(`  ${fmt(tc.statements)} single-row INSERT statements in one DO block (median of ${tc.reps}), ms per statement:`)
    console.log(`    no trigger ${m.none}, totals only ${m.totals}, totals + buckets ${m.both} → trigger ${tc.trigger_ms_per_statement.totals} / ${tc.trigger_ms_per_statement.both} ms\n`)
    if (tc.bulk_insert) console.log(`  one INSERT of ${fmt(tc.bulk_insert.rows)} postings: no trigger ${fmt(tc.bulk_insert.ms.none)} ms, totals only ${fmt(tc.bulk_insert.ms.totals)} ms, totals + buckets ${fmt(tc.bulk_insert.ms.both)} ms\n`)
  }
  latencyHeader()
  latencyRow("Growth overview (today + 30 days) from the buckets", figures.reads.from_buckets)
  latencyRow(`  … while ${params.concurrency} workers post`, figures.reads_under_write_load.reads)
  latencyRow("the read as it was: summed from postings", figures.reads.from_postings)
  console.log(`\n  buckets = postings in both windows: ${figures.buckets_equal_postings_in_windows}; every bucket: ${figures.bucket_check.mismatches} mismatches (${figures.bucket_check.seconds} s); backfill ${figures.bucket_backfill_s} s\n`)
  const file = writeResult("ledger-movements", result)
  log(`figures written to ${file} (${result.duration_s} s in all)`)
  if (figures.buckets_equal_postings_in_windows === false || figures.bucket_check.mismatches) code = 1
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
