// `npm run test:cluster` (issue 12): the production topology on one machine. One
// PostgreSQL database and one Redis database shared by two `MEDUSA_WORKER_MODE=server`
// and two `worker` processes, all `medusa start` of this repository; the checks drive
// them over HTTP, alternating servers per request, and count effects in the database.
// Redis is a redis-server of the suite's own when one is installed (so a fault check can
// restart it), else an empty database of the machine's; the suite skips (exit 0, with a
// message) only when neither can be had. Every process it starts is ended on every exit
// path; their logs are printed when something fails.
import os from "node:os"
import path from "node:path"
import { loginAdmin } from "../../bench/lib/checkout.mjs"
import { endRun, medusaExec, startRun } from "../../bench/lib/runner.mjs"
import { killAllSync, logTails, startProcess, stopAll } from "./processes.mjs"
import { clusterClient } from "./http.mjs"
import { concurrencyChecks } from "./checks-concurrency.mjs"
import { eventChecks } from "./checks-events.mjs"
import { groupDrawChecks } from "./checks-group-draw.mjs"
import { faultChecks } from "./checks-faults.mjs"
import { SIMULATION_FIRST_SHOPPER, SIMULATION_SHOPPERS, simulationChecks } from "./checks-simulation.mjs"
import { clusterRedis } from "./redis.mjs"
import { presaleChecks } from "./checks-presale.mjs"
import { blindBoxChecks } from "./checks-blind-box.mjs"
import { jobChecks } from "./checks-jobs.mjs"

const SERVER_PORTS = (process.env.FISSION_CLUSTER_SERVER_PORTS || "9101,9102").split(",").map(Number)
const WORKER_PORTS = (process.env.FISSION_CLUSTER_WORKER_PORTS || "9103,9104").split(",").map(Number)
const t0 = Date.now()
const say = (m) => console.log(`\x1b[36m[cluster]\x1b[0m [${Math.round((Date.now() - t0) / 1000)}s] ${m}`)

const logDir = path.join(os.tmpdir(), `fission-cluster-${process.pid}`)
const redis = await clusterRedis({ dir: path.join(logDir, "redis") })
if (!redis) {
  console.log(`SKIPPED cluster suite: no Redis answers at ${process.env.FISSION_CLUSTER_REDIS_URL || "redis://127.0.0.1:6379"} and no redis-server to start (the production topology was not tested)`)
  process.exit(0)
}
say(`Redis ${redis.url}${redis.own ? " (the suite's own redis-server, append-only file)" : " (the machine's)"}`)

process.on("exit", () => {
  killAllSync() // last resort: no Medusa process outlives the runner
  redis.killSync()
})
let interrupted = false
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => {
  interrupted = true
  killAllSync()
})

const results = []
let run = null
let failed = false
try {
  run = await startRun({ pgName: "pg-cluster", portVar: "FISSION_CLUSTER_PG_PORT", defaultPort: 15442, database: "fission_cluster" })
  // a dead worker's refund attempts are taken over after 30 s instead of 120 (the fault checks wait for it)
  const env = { ...run.env, REDIS_URL: redis.url, FISSION_REFUND_LEASE_SECONDS: process.env.FISSION_REFUND_LEASE_SECONDS || "30" }
  const fs = await import("node:fs")
  fs.mkdirSync(logDir, { recursive: true })
  say(`starting 2 servers (:${SERVER_PORTS.join(", :")}) and 2 workers (:${WORKER_PORTS.join(", :")}); logs in ${logDir}`)
  const start = (name, mode, port) => startProcess({ name, mode, port, env, logFile: path.join(logDir, `${name}.log`) })
  // the first server's boot creates Medusa's defaults (store, price preferences) alone: every boot and
  // `medusa exec` tries to, and two at once can collide ("Price preference … already exists")
  const first = await start("server-1", "server", SERVER_PORTS[0])
  // the store is written while the other processes boot (they read nothing of it at start)
  say("store, admin, shoppers and referrals (medusa exec integration-tests/cluster/setup-store.ts)…")
  const [store, others, workers] = await Promise.all([
    medusaExec("integration-tests/cluster/setup-store.ts", { ...run.env, BENCH_SHOPPERS: String(SIMULATION_FIRST_SHOPPER + SIMULATION_SHOPPERS), CLUSTER_BUYERS: "16" }),
    Promise.all(SERVER_PORTS.slice(1).map((p, i) => start(`server-${i + 2}`, "server", p))),
    Promise.all(WORKER_PORTS.map((p, i) => start(`worker-${i + 1}`, "worker", p))),
  ])
  const servers = [first, ...others]
  say("all four answer /health")
  let restarts = 0
  /** A new worker process in place of worker i (same port; its own log). */
  const restartWorker = (i) => start(`worker-${i + 1}-restart-${++restarts}`, "worker", WORKER_PORTS[i])
  store.adminHeaders = await loginAdmin(servers[0].base, store.admin.email, store.password)
  const client = clusterClient(servers, store.publishable_key)
  const checks = [
    ...concurrencyChecks({ client, store }),
    ...groupDrawChecks({ client, store, servers, log: say }),
    ...eventChecks({ client, store, url: run.url, servers, workers, log: say }),
    ...faultChecks({ client, store, url: run.url, admin: run.admin, database: run.database, servers, workers, restartWorker, redis, log: say }),
    ...presaleChecks({ client, store, url: run.url, workers, restartWorker, log: say }),
    ...blindBoxChecks({ client, store, url: run.url }),
    // while a job ticks fast, other checks would not run on production's timing
    ...jobChecks({ client, store, url: run.url, servers, workers, restartWorker, redis, log: say }),
    // last: it changes store settings and campaigns the earlier checks do not expect
    ...simulationChecks({ client, store, url: run.url, log: say }),
  ]
  // FISSION_CLUSTER_CHECKS=word,…: only the checks whose names contain one of the words (while working on one)
  const only = (process.env.FISSION_CLUSTER_CHECKS || "").split(",").map((w) => w.trim().toLowerCase()).filter(Boolean)
  for (const check of checks) {
    if (interrupted) break
    if (only.length && !only.some((w) => check.name.toLowerCase().includes(w))) continue
    const t = Date.now()
    try {
      await check.run()
      results.push({ name: check.name, ok: true, s: (Date.now() - t) / 1000 })
      say(`ok   ${check.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
    } catch (e) {
      failed = true
      results.push({ name: check.name, ok: false, error: e })
      say(`FAIL ${check.name}\n${e.stack ?? e}`)
    }
  }
} catch (e) {
  failed = true
  say(`cluster run failed: ${e.stack ?? e}`)
} finally {
  if (failed) console.log(`\nlast lines of every process's log:\n${logTails()}\n`)
  await stopAll()
  if (!redis.own) await redis.client.flushdb().catch(() => {})
  redis.client.disconnect()
  await redis.stop()
  if (run) await endRun(run)
}
const passed = results.filter((r) => r.ok).length
say(`${passed}/${results.length} cluster checks passed${failed ? " — FAILED" : ""} in ${Math.round((Date.now() - t0) / 1000)} s`)
process.exit(failed || interrupted ? 1 : 0)
