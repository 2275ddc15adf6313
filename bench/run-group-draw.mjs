// `npm run bench:group-draw` (SPEC §4): on a real `medusa start` server with every plugin,
// (a) the time from the N-th member's capture to all loser refunds issued, for N = 5, 50,
// 500; (b) one hot campaign joined by 200 buyers at once: completions + captures per
// second, latency, and the seat invariants afterwards. See bench/README.md ("Group draw").
import os from "node:os"
import path from "node:path"
import { loginAdmin, startServer } from "./lib/checkout.mjs"
import {
  endRun,
  fmt,
  intParam as int,
  latencyHeader,
  latencyRow as row,
  medusaExec,
  printHeading,
  resultOf,
  startRun,
  writeResult,
} from "./lib/runner.mjs"
import { drawToRefunds } from "./group-draw/draw-to-refunds.mjs"
import { hotCampaign } from "./group-draw/hot-campaign.mjs"

const BENCH_DB = "fission_bench_group_draw"
const params = {
  sizes: (process.env.BENCH_SIZES ?? "5,50,500").split(",").filter(Boolean).map(Number),
  winners: Math.max(1, int("BENCH_WINNERS", 1)),
  setup_concurrency: Math.max(1, int("BENCH_SETUP_CONCURRENCY", 8)),
  buyers: int("BENCH_BUYERS", 200),
  hot_size: Math.max(2, int("BENCH_HOT_SIZE", 10)),
  hot_winners: Math.max(1, int("BENCH_HOT_WINNERS", 1)),
  // completion attempts per hot-campaign buyer (1 = no retry)
  attempts: Math.max(1, int("BENCH_ATTEMPTS", 10)),
  // "unmanaged": the campaign variant without inventory management (no reservation lock)
  hot_inventory: process.env.BENCH_HOT_INVENTORY === "unmanaged" ? "unmanaged" : "managed",
}
if (params.sizes.some((n) => !Number.isInteger(n) || n <= params.winners)) throw new Error("BENCH_SIZES must be integers > BENCH_WINNERS")
const PORT = int("BENCH_PORT", 9321)
const run = await startRun({ pgName: "pg-bench-group-draw", portVar: "FISSION_BENCH_GROUP_DRAW_PG_PORT", defaultPort: 15469, database: BENCH_DB })
const { log, url, env } = run

function printTable(r) {
  printHeading("Group-draw benchmark", r)
  console.log(`  ${"N".padStart(5)}${"K".padStart(4)}${"capture → all refunds ms".padStart(27)}${"→ completed ms".padStart(16)}${"refunds/s".padStart(11)}${"setup s".padStart(9)}  check`)
  for (const d of r.draws) {
    console.log(
      `  ${String(d.size).padStart(5)}${String(d.winners).padStart(4)}${fmt(d.captured_to_all_refunds_ms).padStart(27)}${fmt(d.captured_to_completed_ms).padStart(16)}${fmt(d.refunds_per_s).padStart(11)}${fmt(d.setup.seconds).padStart(9)}  ${d.medusa_check.ok ? "ok" : "FAILED"}  (server ${d.cpu_until_all_refunds.server_cpu_pct_of_one_core} % of a core)`
    )
  }
  const h = r.hot_campaign
  if (!h) return
  console.log(`\n  hot campaign: ${h.burst.paid}/${h.buyers} buyers paid in ${h.burst.seconds} s = ${h.burst.paid_per_s} completions + captures per second (server ${h.burst.cpu.server_cpu_pct_of_one_core} % of a core, machine ${h.burst.cpu.machine_busy_pct} % busy)`)
  console.log(`  paid at the first attempt: ${h.burst.paid_first_attempt}; completions retried: ${h.burst.retried_completions} (${h.burst.first_retry_reason ?? "none"})`)
  latencyHeader()
  row("complete cart + capture, per buyer", h.burst.complete_plus_capture)
  row("  complete cart", h.burst.complete_cart)
  row("  capture", h.burst.capture)
  const i = h.invariants
  console.log(`  ${i.groups} groups (N = ${h.size}), max ${i.max_members} members, ${i.groups_over_n} over N, ${i.orders_seated}/${h.burst.paid} orders seated, ${i.orders_seated_twice} twice: ${i.ok ? "ok" : "VIOLATED"}\n`)
}

let code = 0
let server = null
try {
  log("store fixture, admin and shoppers (medusa exec bench/lib/setup-store.ts)…")
  const store = await medusaExec("bench/lib/setup-store.ts", { ...env, BENCH_SHOPPERS: String(Math.max(params.buyers, ...params.sizes)) })
  server = await startServer({ name: "all plugins", port: PORT, env, logFile: path.join(os.tmpdir(), "fission-bench-group-draw.log") })
  const adminHeaders = await loginAdmin(server.base, store.admin.email, store.password)
  const common = { server, base: server.base, url, store, adminHeaders, concurrency: params.setup_concurrency, log }

  log("(a) capture of the N-th seat → all loser refunds")
  const draws = []
  for (const size of params.sizes) draws.push(await drawToRefunds({ ...common, size, winners: params.winners }))

  log(`(b) one hot campaign, ${params.buyers} buyers at once`)
  const hot_campaign = params.buyers
    ? await hotCampaign({ ...common, inventory: params.hot_inventory, attempts: params.attempts, buyers: params.buyers, size: params.hot_size, winners: params.hot_winners })
    : null

  const result = await resultOf(run, {
    params,
    dirs: ["plugins/group-draw"],
    figures: { draws, hot_campaign },
  })
  printTable(result)
  log(`figures written to ${writeResult("group-draw", result)} (${result.duration_s} s in all)`)
  if (draws.some((d) => !d.medusa_check.ok) || hot_campaign?.invariants.ok === false) code = 1
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await server?.stop()
  await endRun(run)
}
process.exit(code)
