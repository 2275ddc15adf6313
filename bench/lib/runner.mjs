// What every `bench/run-*.mjs` runner needs around its measurements: integer
// parameters from the environment, a fresh migrated database, `medusa exec` of an
// in-process part, which code was measured, and the result file.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { query } from "../../scripts/lib/database.mjs"
import { BIN, ROOT, log as say, run } from "../../scripts/lib/run.mjs"

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A non-negative integer parameter from the environment. */
export function intParam(name, fallback) {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`)
  return value
}

/** A logger prefixed with the seconds since `started`. */
export const stopwatchLog = (started) => (m) => say(`[${Math.round((Date.now() - started) / 1000)}s] ${m}`)

/** Drops and recreates `name`, then runs Medusa's migrations on it (of the app in `cwd`, default the repository). */
export async function freshDatabase(adminUrl, name, env, { cwd = ROOT } = {}) {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await query(adminUrl, `CREATE DATABASE "${name}"`)
  await run(BIN("medusa"), ["db:migrate"], { env, quiet: true, cwd })
}

export const dropDatabase = (adminUrl, name) => query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})

/**
 * Runs a TypeScript file inside Medusa (`medusa exec <file>`, path relative to the
 * repository root) and returns the JSON it writes to BENCH_OUT. Only its `[bench]`
 * progress lines are echoed; all output on failure.
 */
export async function medusaExec(file, env, { cwd = ROOT } = {}) {
  const out = path.join(os.tmpdir(), `fission-bench-${process.pid}-${path.basename(file, ".ts")}.json`)
  await new Promise((resolve, reject) => {
    const rel = path.relative(cwd, path.join(ROOT, file))
    const child = spawn(BIN("medusa"), ["exec", rel.startsWith("..") ? rel : `./${rel}`], {
      cwd,
      env: { ...env, BENCH_OUT: out },
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

/** Which code was measured: the commit, and how many files of `dirs` differed from it. */
export function codeVersion(dirs) {
  const git = (...args) => spawnSync("git", args, { cwd: ROOT }).stdout?.toString().trim() ?? ""
  return {
    commit: git("rev-parse", "--short", "HEAD"),
    uncommitted_files: git("status", "--porcelain", "--", ...dirs).split("\n").filter(Boolean).length,
  }
}

/** Writes `bench/results/<prefix>-<date>.json` (`-2`, `-3`… for further runs that day); returns its path. */
export function writeResult(prefix, result) {
  const dir = path.join(ROOT, "bench", "results")
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `${prefix}-${result.date}.json`)
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${prefix}-${result.date}-${n}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + "\n")
  return path.relative(ROOT, file)
}

export const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"))

/** One table row: label, then p50 / p99 / max / n of a latency summary. */
export function latencyRow(label, x) {
  if (x) console.log(`  ${label.padEnd(56)}${[x.p50_ms, x.p99_ms, x.max_ms, x.count].map((v) => fmt(v).padStart(10)).join("")}`)
}
export const latencyHeader = () => console.log(`  ${"".padEnd(56)}${["p50 ms", "p99 ms", "max ms", "n"].map((h) => h.padStart(10)).join("")}`)

/**
 * Polls `sql` every 10 ms until it returns a row (background work of a server became
 * visible); returns how long that took in ms, or null after `timeoutMs`.
 */
export async function msUntilRow(url, sql, params, timeoutMs = 10_000) {
  const t = performance.now()
  while (performance.now() - t < timeoutMs) {
    if ((await query(url, sql, params)).length) return performance.now() - t
    await sleep(10)
  }
  return null
}

/**
 * Server parameters of an embedded bench PostgreSQL: the defaults of a server sized for
 * million-row runs on this 24 GB machine (1 GB of shared buffers, 4 GB of WAL between
 * checkpoints; initdb's 128 MB / 1 GB thrashed the buffers and wrote a full-page image of
 * most pages a bulk statement touched), or `BENCH_PG_SETTINGS` (`name=value,…`; empty for
 * initdb's defaults). A configured DATABASE_URL server keeps its own settings.
 */
export function benchPgSettings(env = process.env) {
  const spec = env.BENCH_PG_SETTINGS ?? "shared_buffers=1GB,max_wal_size=4GB"
  return Object.fromEntries(
    spec
      .split(",")
      .map((kv) => kv.trim())
      .filter(Boolean)
      .map((kv) => kv.split("=").map((x) => x.trim()))
  )
}

/**
 * The start of a runner: install and build the plugins if needed, get PostgreSQL (the
 * configured one, else an embedded one in `.fission/<pgName>` on `port`), recreate and
 * migrate `database`. Returns the server, its admin URL, the bench database URL and the
 * environment every Medusa process of the run gets.
 */
export async function prepareRun({ pgName, port, database, log }) {
  const { ensureInstalled } = await import("../../scripts/lib/install.mjs")
  const { buildPlugins } = await import("../../scripts/lib/build-plugins.mjs")
  const { databaseUrl, startDatabase } = await import("../../scripts/lib/database.mjs")
  const { baseEnv } = await import("../../scripts/lib/run.mjs")
  const { randomSecrets } = await import("../../scripts/lib/secrets.mjs")
  await ensureInstalled()
  await buildPlugins()
  const db = await startDatabase({ name: pgName, port, settings: benchPgSettings() })
  const admin = databaseUrl(db, "postgres")
  const url = databaseUrl(db, database)
  // Production mode refuses default secrets; one random pair per run, shared by its processes.
  const env = { ...baseEnv(), DATABASE_URL: url, ADMIN_DISABLED: "true", NODE_ENV: "production", ...randomSecrets() }
  log(`recreating database ${database} and migrating…`)
  await freshDatabase(admin, database, env)
  return { db, admin, url, env }
}

/**
 * Everything a runner starts with: the clock, the load average, a logger, and
 * `prepareRun`'s database and environment (embedded PostgreSQL port from `portVar`).
 */
export async function startRun({ pgName, portVar, defaultPort, database }) {
  const { loadAverage } = await import("./machine.mjs")
  const started = Date.now()
  const loadAtStart = loadAverage()
  const log = stopwatchLog(started)
  const prepared = await prepareRun({ pgName, port: intParam(portVar, defaultPort), database, log })
  return { started, loadAtStart, log, database, ...prepared }
}

/** The result file's common head (date, duration, parameters, code, machine) followed by `figures`. */
export async function resultOf(run, { params, dirs, figures }) {
  const { machineFacts } = await import("./machine.mjs")
  return {
    date: new Date().toISOString().slice(0, 10),
    duration_s: Math.round((Date.now() - run.started) / 1000),
    params,
    code: codeVersion(dirs),
    machine: await machineFacts({ adminUrl: run.admin, db: run.db, loadAtStart: run.loadAtStart }),
    ...figures,
  }
}

/** Drops the bench database (unless BENCH_KEEP_DB) and stops an embedded server. */
export async function endRun(run) {
  if (!process.env.BENCH_KEEP_DB) await dropDatabase(run.admin, run.database)
  await run.db.stop()
}

/** The first line of every runner's table. */
export function printHeading(title, r) {
  const m = r.machine
  console.log(`\n${title} ${r.date}: PostgreSQL ${m.postgres} (${m.postgres_where}), ${m.cpus} CPUs, ${m.memory_gb} GB, Node ${m.node}, load ${m.load_average_at_start[0]}\n`)
}

/** The parameters of a side-by-side checkout comparison (`compareCheckout`). */
export const checkoutParams = () => ({
  checkouts: intParam("BENCH_CHECKOUTS", 100),
  checkout_warmup: intParam("BENCH_CHECKOUT_WARMUP", 5),
  shoppers: Math.max(1, intParam("BENCH_SHOPPERS", 20)),
  settle_ms: intParam("BENCH_SETTLE_MS", 200),
})
