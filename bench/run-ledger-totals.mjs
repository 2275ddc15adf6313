// `npm run bench:ledger-totals` (issue 15, "Growth overview"): core's maintained platform totals
// at 10,000,000 postings — platform balance reads from the totals next to the sum over postings
// they replace, and the cost on the posting write path (concurrent single postings to one platform
// account with the totals off and on, alternating in one run). See bench/README.md ("Platform totals").
import { endRun, fmt, intParam as int, latencyHeader, latencyRow, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"

const BENCH_DB = "fission_bench_totals"
const params = {
  seconds: int("BENCH_SECONDS", 15),
  concurrency: int("BENCH_CONCURRENCY", 8),
  rounds: int("BENCH_ROUNDS", 2),
  postings: int("BENCH_POSTINGS", 10_000_000),
  accounts: int("BENCH_ACCOUNTS", 100_000),
  reads: int("BENCH_READS", 200),
  derived_reads: int("BENCH_DERIVED_READS", 3),
}
const run = await startRun({ pgName: "pg-bench-totals", portVar: "FISSION_BENCH_TOTALS_PG_PORT", defaultPort: 15473, database: BENCH_DB })
const { log, env } = run

let code = 0
try {
  log(`medusa exec bench/ledger/platform-totals.ts…`)
  const figures = await medusaExec("bench/ledger/platform-totals.ts", {
    ...env,
    BENCH_SECONDS: String(params.seconds),
    BENCH_CONCURRENCY: String(params.concurrency),
    BENCH_ROUNDS: String(params.rounds),
    BENCH_POSTINGS: String(params.postings),
    BENCH_ACCOUNTS: String(params.accounts),
    BENCH_READS: String(params.reads),
    BENCH_DERIVED_READS: String(params.derived_reads),
  })
  const result = await resultOf(run, { params, dirs: ["plugins/core", "bench"], figures })
  printHeading("Platform totals benchmark", result)
  const w = figures.write_path
  console.log(`  single postings to platform:points_issued, ${params.concurrency} workers × ${params.seconds} s per phase:`)
  for (const p of w.phases) {
    console.log(`    totals ${p.totals ? "on " : "off"}  ${fmt(p.postings_per_s).padStart(7)} /s   p50 ${p.latency.p50_ms} ms  p99 ${p.latency.p99_ms} ms  Node CPU ${p.node_cpu_ms_per_posting} ms/posting${p.totals ? `  shards ${p.shards_after}` : ""}${p.errors ? `  errors ${p.errors}` : ""}`)
  }
  console.log(`    mean: off ${fmt(w.postings_per_s.totals_off)} /s, on ${fmt(w.postings_per_s.totals_on)} /s (on/off ${w.on_vs_off})\n`)
  console.log(`  fill: ${fmt(figures.fill.inserted)} postings in ${figures.fill.seconds} s → ${fmt(figures.fill.postings_in_table)} in the table\n`)
  latencyHeader()
  latencyRow("retrieveBalances(platform) from the totals", figures.reads.retrieve_balances_platform)
  latencyRow("listPlatformBalances() (the admin route) from the totals", figures.reads.list_platform_balances)
  latencyRow(`  … while ${params.concurrency} workers post to the account`, figures.reads_under_write_load.reads)
  latencyRow("the read as it was: sum over postings", figures.derived_read.latency)
  console.log(`\n  totals = postings for all ${figures.derived_read.accounts} platform accounts: ${figures.totals_equal_postings}; shards of points_issued: ${figures.shards}\n`)
  const file = writeResult("ledger-totals", result)
  log(`figures written to ${file} (${result.duration_s} s in all)`)
  if (figures.totals_equal_postings === false) code = 1
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
