// `npm run bench:distribution`: the referral forest at scale (SPEC §2, issue "Scale").
// Loads a 1,000,000-member forest (depth ≤ 30) set-based, then measures in-process
// bind / ancestor lookup / commission plan / team summary latency, and finally runs
// checkouts side by side against two servers on the same database — distribution
// plugin enabled vs disabled. See bench/README.md ("Distribution") for the figures.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureInstalled } from "../scripts/lib/install.mjs"
import { buildPlugins } from "../scripts/lib/build-plugins.mjs"
import { databaseUrl, query, startDatabase } from "../scripts/lib/database.mjs"
import { BIN, ROOT, baseEnv, log as say, run } from "../scripts/lib/run.mjs"
import { loadAverage, machineFacts } from "./lib/machine.mjs"
import { loadForest } from "./distribution/load-forest.mjs"
import { login, sideBySide, startServer, statusOf } from "./distribution/checkout.mjs"

const BENCH_DB = "fission_bench_dist"
const int = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`)
  return value
}
const params = {
  forest: int("BENCH_FOREST", 1_000_000),
  max_depth: Math.max(1, int("BENCH_MAX_DEPTH", 30)),
  binds: int("BENCH_BINDS", 500),
  warmup: int("BENCH_WARMUP", 20),
  paid_orders: int("BENCH_PAID_ORDERS", 100_000),
  checkouts: int("BENCH_CHECKOUTS", 100),
  checkout_warmup: int("BENCH_CHECKOUT_WARMUP", 5),
  shoppers: Math.max(1, int("BENCH_SHOPPERS", 20)),
  settle_ms: int("BENCH_SETTLE_MS", 200),
}
const PORTS = { enabled: int("BENCH_PORT_ENABLED", 9301), disabled: int("BENCH_PORT_DISABLED", 9302) }
const started = Date.now()
const loadAtStart = loadAverage()
const log = (m) => say(`[${Math.round((Date.now() - started) / 1000)}s] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

await ensureInstalled()
await buildPlugins()

const db = await startDatabase({ name: "pg-bench-dist", port: int("FISSION_BENCH_DIST_PG_PORT", 54349) })
const admin = databaseUrl(db, "postgres")
const url = databaseUrl(db, BENCH_DB)
const env = { ...baseEnv(), DATABASE_URL: url, ADMIN_DISABLED: "true", NODE_ENV: "production" }

/**
 * Runs a TypeScript file of bench/distribution inside Medusa (`medusa exec`) and returns
 * the JSON it writes. Only its `[bench]` progress lines are echoed; all output on failure.
 */
async function medusaExec(file, extraEnv = {}) {
  const out = path.join(os.tmpdir(), `fission-bench-dist-${process.pid}-${path.basename(file, ".ts")}.json`)
  await new Promise((resolve, reject) => {
    const child = spawn(BIN("medusa"), ["exec", `./bench/distribution/${file}`], {
      cwd: ROOT,
      env: { ...env, ...extraEnv, BENCH_OUT: out },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let all = ""
    const echo = (d) => {
      all += d
      for (const line of String(d).split("\n")) if (line.includes("[bench]")) console.log(line)
    }
    child.stdout.on("data", echo)
    child.stderr.on("data", echo)
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) return resolve()
      process.stderr.write(all)
      reject(new Error(`medusa exec ${file} exited with ${code}`))
    })
  })
  const result = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out, { force: true })
  return result
}

/** Which code was measured: the commit, and the plugin files that differed from it. */
function codeVersion() {
  const git = (...args) => spawnSync("git", args, { cwd: ROOT }).stdout?.toString().trim() ?? ""
  return {
    commit: git("rev-parse", "--short", "HEAD"),
    uncommitted_in_distribution_plugin: git("status", "--porcelain", "--", "plugins/distribution").split("\n").filter(Boolean).length,
  }
}


/**
 * The enabled server records the order's commissions in the background: wait for
 * them (returns how long that took after the response), then let both servers settle.
 */
async function settleAfter(server, orderId) {
  let recordedAfter = null
  if (server.name === "enabled") {
    const t = performance.now()
    for (let i = 0; i < 1000 && recordedAfter === null; i++) {
      if ((await query(url, `SELECT 1 FROM commission_order WHERE order_id = $1`, [orderId])).length) {
        recordedAfter = performance.now() - t
      } else await sleep(10)
    }
    if (recordedAfter === null) log(`no commissions recorded for ${orderId} after 10 s`)
  }
  await sleep(params.settle_ms)
  return recordedAfter
}

async function checkoutSideBySide(store) {
  const logs = { enabled: path.join(os.tmpdir(), "fission-bench-enabled.log"), disabled: path.join(os.tmpdir(), "fission-bench-disabled.log") }
  log(`starting two servers on ${BENCH_DB}: distribution enabled (:${PORTS.enabled}) and disabled (:${PORTS.disabled})…`)
  const servers = []
  try {
    servers.push(await startServer({ name: "enabled", port: PORTS.enabled, env, logFile: logs.enabled }))
    servers.push(
      await startServer({ name: "disabled", port: PORTS.disabled, env: { ...env, FISSION_DISABLE_PLUGINS: "distribution" }, logFile: logs.disabled })
    )
    // Same JWT secret on both servers: one login serves both.
    const shoppers = []
    for (const s of store.shoppers) shoppers.push({ ...s, headers: await login(servers[0].base, store.publishable_key, s.email, store.password) })
    const plugin_routes = {
      enabled: await statusOf(servers[0].base, "/store/fission/team/summary", shoppers[0].headers),
      disabled: await statusOf(servers[1].base, "/store/fission/team/summary", shoppers[0].headers),
    }
    if (plugin_routes.enabled !== 200 || plugin_routes.disabled !== 404) {
      throw new Error(`expected the plugin's route on the enabled server only, got ${JSON.stringify(plugin_routes)}`)
    }
    log(`${params.checkout_warmup} + ${params.checkouts} checkouts on each server, interleaved…`)
    const figures = await sideBySide({
      servers,
      shoppers,
      fixture: store,
      rounds: params.checkouts,
      warmup: params.checkout_warmup,
      settle: settleAfter,
    })
    const ratio = (key, stat) => Math.round((figures.enabled[key][stat] / figures.disabled[key][stat]) * 1000) / 1000
    return {
      plugin_route_status: plugin_routes,
      ...figures,
      ratio_enabled_vs_disabled: {
        whole_checkout_p50: ratio("whole_checkout", "p50_ms"),
        whole_checkout_mean: ratio("whole_checkout", "mean_ms"),
        whole_checkout_p99: ratio("whole_checkout", "p99_ms"),
        complete_cart_p50: ratio("complete_cart", "p50_ms"),
        complete_cart_p99: ratio("complete_cart", "p99_ms"),
        target: "≤ 1.10 (p50 of the whole checkout)",
        target_met: ratio("whole_checkout", "p50_ms") <= 1.1,
      },
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}

const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"))
function printTable(r) {
  const m = r.machine
  const row = (label, x) => x && console.log(`  ${label.padEnd(56)}${[x.p50_ms, x.p99_ms, x.max_ms, x.count].map((v) => fmt(v).padStart(10)).join("")}`)
  console.log(`\nDistribution benchmark ${r.date}: PostgreSQL ${m.postgres} (${m.postgres_where}), ${m.cpus} CPUs, ${m.memory_gb} GB, Node ${m.node}, load ${m.load_average_at_start[0]}\n`)
  const l = r.load
  console.log(`  forest: ${fmt(l.members)} members, depth ≤ ${l.max_depth}, ${fmt(l.roots)} roots; loaded ${fmt(l.rows)} rows in ${l.seconds} s (${fmt(l.rows_per_s)} rows/s)\n`)
  console.log(`  ${"".padEnd(56)}${["p50 ms", "p99 ms", "max ms", "n"].map((h) => h.padStart(10)).join("")}`)
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
  row("order placed → commissions recorded (background)", k.enabled.order_placed_to_commissions_recorded)
  const q = k.ratio_enabled_vs_disabled
  console.log(`\n  checkout ratio enabled/disabled: p50 ${q.whole_checkout_p50}, mean ${q.whole_checkout_mean}, p99 ${q.whole_checkout_p99}; complete cart p50 ${q.complete_cart_p50}  (target ≤ 1.10: ${q.target_met ? "met" : "NOT met"})`)
  console.log(`  consistency (team counters and new closure rows): ${r.in_process.consistency.ok ? "ok" : "NOT ok"}\n`)
}

let code = 0
try {
  log(`recreating database ${BENCH_DB} and migrating…`)
  await query(admin, `DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`)
  await query(admin, `CREATE DATABASE "${BENCH_DB}"`)
  await run(BIN("medusa"), ["db:migrate"], { env, quiet: true })

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
  const store = await medusaExec("setup-store.ts", { BENCH_SHOPPERS: String(params.shoppers) })

  log("in-process measurements (medusa exec bench/distribution/measure.ts)…")
  const inProcess = await medusaExec("measure.ts", { BENCH_BINDS: String(params.binds), BENCH_WARMUP: String(params.warmup) })

  const checkout = await checkoutSideBySide(store)

  const date = new Date().toISOString().slice(0, 10)
  const result = {
    date,
    duration_s: Math.round((Date.now() - started) / 1000),
    params,
    code: codeVersion(),
    machine: await machineFacts({ adminUrl: admin, db, loadAtStart }),
    load,
    in_process: inProcess,
    checkout,
  }
  printTable(result)
  const dir = path.join(ROOT, "bench", "results")
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `distribution-${date}.json`)
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `distribution-${date}-${n}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + "\n")
  log(`figures written to ${path.relative(ROOT, file)} (${result.duration_s} s in all)`)
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  if (!process.env.BENCH_KEEP_DB) await query(admin, `DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`).catch(() => {})
  await db.stop()
}
process.exit(code)
