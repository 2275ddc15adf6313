// The production topology for a benchmark, from the cluster suite's own helpers
// (integration-tests/cluster: processes.mjs, redis.mjs, http.mjs): a redis-server of the run's
// own (append-only, as production runs it), two `MEDUSA_WORKER_MODE=server` and two `worker`
// processes of this repository on the run's PostgreSQL database, and an HTTP client that
// alternates the servers per request. Every process started is ended on every exit path.
import path from "node:path"
import { killAllSync, logTails, startProcess, stopAll } from "../../integration-tests/cluster/processes.mjs"
import { clusterRedis } from "../../integration-tests/cluster/redis.mjs"
import { clusterClient } from "../../integration-tests/cluster/http.mjs"
import { sleep } from "./runner.mjs"

/** Comma-separated ports from `name` (or `fallback`), exactly `count` of them. */
export function portsParam(name, fallback, count) {
  const ports = (process.env[name] || fallback).split(",").map(Number)
  if (ports.length !== count || ports.some((p) => !Number.isInteger(p) || p <= 0)) throw new Error(`${name} must be ${count} comma-separated ports`)
  return ports
}

/**
 * Redis on `redisPort` (a redis-server of the run's own when one is installed, else an empty
 * database 9..15 of the machine's Redis, as the cluster suite does), then the four processes.
 * `store` is written by `prepare()` while all but the first boot (they read nothing of it at start).
 */
export async function startCluster({ env, serverPorts, workerPorts, redisPort, logDir, log, prepare }) {
  process.env.FISSION_CLUSTER_REDIS_PORT = String(redisPort)
  const redis = await clusterRedis({ dir: path.join(logDir, "redis") })
  if (!redis) throw new Error("no Redis: install redis-server or let redis://127.0.0.1:6379 answer (FISSION_CLUSTER_REDIS_URL)")
  process.on("exit", () => {
    killAllSync()
    redis.killSync()
  })
  log(`Redis ${redis.url}${redis.own ? " (the run's own redis-server)" : " (the machine's)"}; starting 2 servers (:${serverPorts.join(", :")}) and 2 workers (:${workerPorts.join(", :")}), logs in ${logDir}`)
  const clusterEnv = { ...env, REDIS_URL: redis.url }
  const start = (name, mode, port) => startProcess({ name, mode, port, env: clusterEnv, logFile: path.join(logDir, `${name}.log`) })
  // the first server creates Medusa's defaults alone (two boots at once can collide on them), as the cluster suite does
  const first = await start("server-1", "server", serverPorts[0])
  const [prepared, others, workers] = await Promise.all([
    prepare(),
    Promise.all(serverPorts.slice(1).map((p, i) => start(`server-${i + 2}`, "server", p))),
    Promise.all(workerPorts.map((p, i) => start(`worker-${i + 1}`, "worker", p))),
  ])
  const servers = [first, ...others]
  const stop = async ({ failed = false } = {}) => {
    if (failed) console.log(`\nlast lines of every process's log:\n${logTails()}\n`)
    await stopAll()
    if (!redis.own) await redis.client.flushdb().catch(() => {})
    redis.client.disconnect()
    await redis.stop()
  }
  return { redis, servers, workers, prepared, stop, client: (publishableKey) => clusterClient(servers, publishableKey) }
}

/**
 * Waits until Medusa's event queue (BullMQ `events-queue` of the Redis event bus) has nothing
 * waiting, active, prioritized or delayed: the workers have finished the background work of
 * what came before, so the next measurement does not share the machine with it. Returns the
 * seconds it took, or null when `timeoutMs` ran out.
 */
export async function eventQueueDrained(redisClient, { timeoutMs = 600_000, everyMs = 250 } = {}) {
  const t = Date.now()
  let keys = null
  for (;;) {
    keys ??= await redisClient.keys("*:events-queue:meta").then((metas) => (metas.length ? metas.map((m) => m.slice(0, -"meta".length)) : null))
    if (keys) {
      let pending = 0
      for (const prefix of keys) {
        const [wait, active, prioritized, delayed] = await Promise.all([
          redisClient.llen(`${prefix}wait`),
          redisClient.llen(`${prefix}active`),
          redisClient.zcard(`${prefix}prioritized`),
          redisClient.zcard(`${prefix}delayed`),
        ])
        pending += wait + active + prioritized + delayed
      }
      if (pending === 0) return (Date.now() - t) / 1000
    }
    if (Date.now() - t > timeoutMs) return null
    await sleep(everyMs)
  }
}
