// `npm run bench:referral-directory`: core's referral directory at scale (issue 16 §4, SPEC §0.9).
// Loads a 1,000,000-member forest (bench/distribution/load-forest.mjs) and three months of paid
// orders (load-activity.mjs), then measures in-process what rebates' team conditions ask:
// activeMembersPerLevel for batches of members, the biggest teams and the whole forest, with the
// query plans. See bench/README.md ("Referral directory").
import { endRun, fmt, intParam as int, latencyHeader, latencyRow as row, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"
import { loadForest } from "./distribution/load-forest.mjs"
import { loadActivity } from "./distribution/load-activity.mjs"

const BENCH_DB = "fission_bench_directory"
const params = {
  forest: int("BENCH_FOREST", 1_000_000),
  max_depth: Math.max(1, int("BENCH_MAX_DEPTH", 30)),
  month_orders: int("BENCH_MONTH_ORDERS", 1_000_000),
  history_orders: int("BENCH_HISTORY_ORDERS", 2_000_000),
  batch: int("BENCH_DIRECTORY_BATCH", 1000),
  batches: int("BENCH_DIRECTORY_BATCHES", 30),
  min_spend: int("BENCH_MIN_SPEND", 899),
}
const run = await startRun({ pgName: "pg-bench-directory", portVar: "FISSION_BENCH_DIRECTORY_PG_PORT", defaultPort: 15459, database: BENCH_DB })
const { log, url, env } = run

function printTable(r) {
  printHeading("Referral directory benchmark", r)
  const d = r.in_process.data
  console.log(`  forest: ${fmt(r.load.forest.members)} members (${fmt(d.closure_rows)} closure rows, ${fmt(d.members_with_a_team)} with a team); ` +
    `${fmt(d.orders)} orders, ${fmt(d.orders_in_period)} paid this month; biggest team ${d.biggest_team.level1} / ${d.biggest_team.level2} / ${d.biggest_team.level3}\n`)
  latencyHeader()
  const a = r.in_process.active_members_per_level
  row(`activeMembersPerLevel, ${a.random_batches.batch} random members`, a.random_batches)
  row(`activeMembersPerLevel, the ${a.biggest_teams_batch.batch} biggest teams`, a.biggest_teams_batch)
  row("activeMembersPerLevel, the biggest team alone", a.biggest_team_alone)
  const w = r.in_process.whole_forest
  if (w) console.log(`\n  whole forest: ${fmt(w.customers)} members with a team in ${w.seconds} s (${fmt(w.customers_per_s)}/s)`)
  const p = r.in_process.plans
  console.log(`  EXPLAIN ANALYZE execution, random batch: ${p.random_batch_with_index.execution_ms} ms with (buyer_id, paid_at), ${p.random_batch_without_index.execution_ms} ms without`)
  console.log(`  EXPLAIN ANALYZE execution, biggest teams: ${p.biggest_teams_with_index.execution_ms} ms with, ${p.biggest_teams_without_index.execution_ms} ms without\n`)
}

let code = 0
try {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let load
  try {
    log(`loading a ${params.forest.toLocaleString("en")}-member forest (depth ≤ ${params.max_depth})…`)
    const forest = await loadForest(client, { members: params.forest, maxDepth: params.max_depth, newcomers: 0, orders: 0 })
    log(`forest: ${forest.rows.toLocaleString("en")} rows in ${forest.seconds} s; orders…`)
    const activity = await loadActivity(client, { members: params.forest, monthOrders: params.month_orders, historyOrders: params.history_orders })
    log(`orders: ${activity.orders.toLocaleString("en")} in ${activity.seconds} s`)
    load = { forest, activity }
  } finally {
    await client.end()
  }
  log("in-process measurements (medusa exec bench/distribution/directory.ts)…")
  const inProcess = await medusaExec("bench/distribution/directory.ts", {
    ...env,
    BENCH_DIRECTORY_BATCH: String(params.batch),
    BENCH_DIRECTORY_BATCHES: String(params.batches),
    BENCH_MIN_SPEND: String(params.min_spend),
  })
  const result = await resultOf(run, { params, dirs: ["plugins/core", "plugins/distribution"], figures: { load, in_process: inProcess } })
  printTable(result)
  log(`figures written to ${writeResult("referral-directory", result)} (${result.duration_s} s in all)`)
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await endRun(run)
}
process.exit(code)
