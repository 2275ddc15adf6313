// `npm run bench:ledger`: ledger postings/s (single and batched), balance-read
// latency at 1M postings, and pgbench's simple-update TPS on the same PostgreSQL
// in the same run. See bench/README.md for what each figure means.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureInstalled } from "../scripts/lib/install.mjs"
import { buildPlugins, sourceHash } from "../scripts/lib/build-plugins.mjs"
import { databaseUrl, query, startDatabase } from "../scripts/lib/database.mjs"
import { BIN, ROOT, baseEnv, log as say, run } from "../scripts/lib/run.mjs"
import { loadAverage, machineFacts } from "./lib/machine.mjs"

const BENCH_DB = "fission_bench"
const PGBENCH_DB = "fission_pgbench"
const seconds = Number(process.env.BENCH_SECONDS || 20)
const concurrency = Number(process.env.BENCH_CONCURRENCY || 8)
const scale = Number(process.env.BENCH_PGBENCH_SCALE || 10)
const started = Date.now()
// Other work on the machine skews every figure: record how busy it was.
const loadAtStart = loadAverage()
const log = (m) => say(`[${Math.round((Date.now() - started) / 1000)}s] ${m}`)

/** True when @fission/core's build matches its sources (the stamp build-plugins.mjs writes). */
function coreBuildIsCurrent() {
  const core = path.join(ROOT, "plugins", "core")
  const stamp = path.join(core, ".medusa", "fission-build.sha256")
  const digest = sourceHash(path.join(core, "src"), [
    path.join(core, "package.json"),
    path.join(core, "tsconfig.json"),
    path.join(ROOT, "tsconfig.plugin.json"),
  ])
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest
}

await ensureInstalled()
try {
  await buildPlugins()
} catch (e) {
  // The bench measures @fission/core only: another plugin's broken work in progress need not stop it.
  if (!coreBuildIsCurrent()) throw e
  log(`a plugin build failed (${e.message}); @fission/core is built and current, so the existing builds are used`)
}

const db = await startDatabase({ name: "pg-bench", port: Number(process.env.FISSION_BENCH_PG_PORT || 15439) })
const admin = databaseUrl(db, "postgres")
const recreate = async (name) => {
  await query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await query(admin, `CREATE DATABASE "${name}"`)
}
const drop = (name) => query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})

/** Runs a command, echoing and returning its output. */
function capture(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}:\n${out}`))))
  })
}

const pgbenchBin = process.env.PGBENCH || "pgbench"
const hasPgbench = spawnSync(pgbenchBin, ["--version"]).status === 0

async function runPgbench() {
  if (!hasPgbench) {
    log(`pgbench not found (install postgresql-client or set PGBENCH): skipping the baseline`)
    return null
  }
  const env = { ...process.env, PGPASSWORD: db.password }
  const conn = ["-h", db.host, "-p", String(db.port), "-U", db.user]
  await recreate(PGBENCH_DB)
  log(`pgbench -i -s ${scale}…`)
  await capture(pgbenchBin, ["-i", "-q", "-s", String(scale), ...conn, PGBENCH_DB], env)
  await query(databaseUrl(db, PGBENCH_DB), "CHECKPOINT").catch(() => {})
  log(`pgbench -N (simple-update) -c ${concurrency} -j 2 -T ${seconds}…`)
  const out = await capture(
    pgbenchBin,
    ["-N", "-c", String(concurrency), "-j", "2", "-T", String(seconds), ...conn, PGBENCH_DB],
    env
  )
  const tps = out.match(/tps = ([\d.]+) \(without initial connection time\)/)
  const latency = out.match(/latency average = ([\d.]+) ms/)
  const version = spawnSync(pgbenchBin, ["--version"]).stdout.toString().trim()
  if (!tps) throw new Error(`could not read TPS from pgbench output:\n${out}`)
  return {
    version,
    command: `pgbench -N -c ${concurrency} -j 2 -T ${seconds} (scale ${scale})`,
    tps: Math.round(Number(tps[1])),
    latency_average_ms: latency ? Number(latency[1]) : null,
  }
}


const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"))
function printTable(r) {
  const row = (label, ...cols) =>
    console.log(`  ${label.padEnd(48)}${cols.map((c, i) => String(c ?? "–").padStart(i ? 10 : 11)).join("")}`)
  const line = (label, x, perSecond) =>
    x && row(label, fmt(perSecond), x.latency?.p50_ms ?? x.batch_latency?.p50_ms, x.latency?.p99_ms ?? x.batch_latency?.p99_ms, x.cpu?.node_cpu_ms_per_posting)
  const m = r.machine
  console.log(`\nLedger benchmark ${r.date}: PostgreSQL ${m.postgres} (${m.postgres_where}), ${m.cpus} CPUs, Node ${m.node}, load ${m.load_average_at_start[0]}\n`)
  row("", "per s", "p50 ms", "p99 ms", "Node CPU")
  const l = r.ledger
  line(`single postings, service.post (${concurrency} workers)`, l.single, l.single.postings_per_s)
  line(`  profile: same engine, bare knex transaction`, l.single_engine_direct, l.single_engine_direct.postings_per_s)
  line(`batches of ${fmt(l.batch.batch_size)} (${concurrency} workers; ms per batch)`, l.batch, l.batch.postings_per_s)
  if (r.pgbench) row(`pgbench -N simple-update (${concurrency} clients), TPS`, fmt(r.pgbench.tps), `${r.pgbench.latency_average_ms} avg`, "", "")
  line(`  calibration: pgbench's transaction from Node`, l.pgbench_tx_from_node, l.pgbench_tx_from_node?.tps)
  console.log("  (Node CPU = ms of the bench process's CPU per posting / transaction)\n")
  if (r.ratio) {
    console.log(`  ratio single / pgbench   ${r.ratio.single_vs_pgbench}  (target >= 0.3: ${r.ratio.single_target_met ? "met" : "NOT met"})`)
    console.log(`  ratio batch / pgbench    ${r.ratio.batch_vs_pgbench}`)
    if (r.ratio.node_client_ceiling_vs_pgbench !== null) {
      console.log(`  ratio calibration / pgbench (ceiling of a Node client here)  ${r.ratio.node_client_ceiling_vs_pgbench}`)
    }
  }
  const b = l.balance_reads
  console.log(`  balance read (customer) with ${fmt(b.postings_in_table)} postings: p50 ${b.latency.p50_ms} ms, p99 ${b.latency.p99_ms} ms, max ${b.latency.max_ms} ms over ${fmt(b.latency.count)} calls`)
  console.log(`  balance read (platform, maintained totals): p50 ${l.platform_balance_reads.latency.p50_ms} ms`)
  console.log(`  reconcile(): ${l.reconcile.ok ? "ok" : "NOT ok"} in ${l.reconcile.seconds} s`)
  console.log(`  statements per single post(): ${l.statements_per_single_post.count}\n`)
}

let code = 0
try {
  log(`recreating database ${BENCH_DB} and migrating…`)
  await recreate(BENCH_DB)
  const env = { ...baseEnv(), DATABASE_URL: databaseUrl(db, BENCH_DB) }
  await run(BIN("medusa"), ["db:migrate", "--skip-scripts"], { env, quiet: true })

  const pgbench = await runPgbench()

  const out = path.join(os.tmpdir(), `fission-bench-ledger-${process.pid}.json`)
  log(`running bench/ledger.ts through medusa exec…`)
  const pgbenchEnv = pgbench ? { BENCH_PGBENCH_URL: databaseUrl(db, PGBENCH_DB), BENCH_PGBENCH_SCALE: String(scale) } : {}
  await run(BIN("medusa"), ["exec", "./bench/ledger.ts"], { env: { ...env, ...pgbenchEnv, BENCH_OUT: out } })
  const ledger = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out, { force: true })

  const date = new Date().toISOString().slice(0, 10)
  const result = {
    date,
    duration_s: Math.round((Date.now() - started) / 1000),
    machine: await machineFacts({ adminUrl: admin, db, loadAtStart }),
    ledger,
    pgbench,
    ratio: pgbench && {
      single_vs_pgbench: Math.round((ledger.single.postings_per_s / pgbench.tps) * 100) / 100,
      single_target_met: ledger.single.postings_per_s / pgbench.tps >= 0.3,
      batch_vs_pgbench: Math.round((ledger.batch.postings_per_s / pgbench.tps) * 100) / 100,
      node_client_ceiling_vs_pgbench: ledger.pgbench_tx_from_node
        ? Math.round((ledger.pgbench_tx_from_node.tps / pgbench.tps) * 100) / 100
        : null,
    },
  }
  printTable(result)
  const dir = path.join(ROOT, "bench", "results")
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `ledger-${date}.json`)
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `ledger-${date}-${n}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + "\n")
  log(`figures written to ${path.relative(ROOT, file)} (${result.duration_s} s in all)`)
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  if (!process.env.BENCH_KEEP_DB) await Promise.all([drop(BENCH_DB), drop(PGBENCH_DB)])
  await db.stop()
}
process.exit(code)
