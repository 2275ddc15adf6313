// `npm run bench:presale` (SPEC §5, §0.9): 10,000 participants numbered through @fission/presale's
// workflows; time from the crossing payment to all step refunds handed to core (at 2,000 and at
// 10,000 participants, refund timing each_step), and with at_close the time to close. See
// bench/README.md ("Pre-sale").
import { endRun, fmt, intParam as int, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"

const BENCH_DB = "fission_bench_presale"
const params = { participants: int("BENCH_PARTICIPANTS", 10_000), concurrency: int("BENCH_CONCURRENCY", 4) }
const run = await startRun({ pgName: "pg-bench-presale", portVar: "FISSION_BENCH_PRESALE_PG_PORT", defaultPort: 15463, database: BENCH_DB })
try {
  run.log(`pre-sale engine: ${params.participants} participants, ${params.concurrency} joins at a time…`)
  const figures = await medusaExec("bench/presale/engine.ts", {
    ...run.env,
    BENCH_PARTICIPANTS: String(params.participants),
    BENCH_CONCURRENCY: String(params.concurrency),
  })
  const result = await resultOf(run, { params, dirs: ["plugins/presale/src", "plugins/core/src"], figures })
  writeResult("presale", result)
  printHeading("Pre-sale", result)
  for (const [at, c] of Object.entries(figures.each_step.crossings)) {
    console.log(`  each_step crossing at ${fmt(Number(at))}: ${fmt(Math.round(c.ms))} ms → ${fmt(c.refund_requests_created)} refund requests (joins before: p50 ${c.joins_before.p50.toFixed(1)} ms, p99 ${c.joins_before.p99.toFixed(1)} ms)`)
  }
  console.log(`  at_close: ${fmt(params.participants)} joins p50 ${figures.at_close.joins.p50.toFixed(1)} ms; close ${fmt(Math.round(figures.at_close.close_ms))} ms → ${fmt(figures.at_close.refund_requests_created)} refund requests`)
} finally {
  await endRun(run)
}
