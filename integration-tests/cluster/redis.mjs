// The cluster's Redis. With `redis-server` installed (and FISSION_CLUSTER_REDIS_URL unset) the
// suite starts one of its own — append-only file fsynced on every write, as production runs
// it — so the fault check can restart it; otherwise it claims an empty database of the
// machine's Redis and the restart check is skipped.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import Redis from "ioredis"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const answers = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => socket.end(() => resolve(true)))
    socket.once("error", () => resolve(false))
  })

async function ping(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 })
    client.on("error", () => {})
    try {
      await client.connect()
      if ((await client.ping()) === "PONG") return client
    } catch {}
    client.disconnect()
    if (Date.now() > deadline) throw new Error(`Redis at ${url} did not answer within ${timeoutMs / 1000} s`)
    await sleep(100)
  }
}

/** A redis-server of the suite's own on `port`, data in `dir`; `restart()` stops it (SIGTERM) and starts it on the same files. */
async function ownRedis(port, dir) {
  if (await answers(port)) throw new Error(`port ${port} is taken; set FISSION_CLUSTER_REDIS_PORT`)
  fs.mkdirSync(dir, { recursive: true })
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir]
  let child = null
  const start = async () => {
    child = spawn("redis-server", args, { stdio: ["ignore", fs.openSync(path.join(dir, "redis.log"), "a"), "inherit"], detached: true })
    child.exited = new Promise((r) => child.once("exit", r))
    return ping(`redis://127.0.0.1:${port}`, 15_000)
  }
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, "SIGTERM")
      await child.exited
    }
  }
  const first = await start()
  return {
    url: `redis://127.0.0.1:${port}/0`,
    client: first,
    own: true,
    /** Down for `downMs`, then back on the same append-only file. */
    restart: async (downMs) => {
      await stop()
      await sleep(downMs)
      ;(await start()).disconnect()
    },
    stop,
    killSync: () => {
      try {
        if (child && child.exitCode === null) process.kill(child.pid, "SIGKILL")
      } catch {}
    },
  }
}

/**
 * Medusa's queue and lock names are fixed, so runs on the machine's Redis are kept apart by
 * database index: claims the first of 9..15 that is empty (SET NX of a claim key).
 */
async function machineRedis(base) {
  try {
    ;(await ping(base, 2000)).disconnect()
  } catch {
    return null
  }
  for (let db = 9; db <= 15; db++) {
    const url = `${base.replace(/\/\d*$/, "")}/${db}`
    const client = new Redis(url, { maxRetriesPerRequest: 1 })
    if ((await client.dbsize()) === 0 && (await client.set("fission:cluster-claim", String(process.pid), "EX", 3600, "NX"))) {
      return { url, client, own: false, restart: null, stop: async () => {}, killSync: () => {} }
    }
    client.disconnect()
  }
  throw new Error("Redis databases 9..15 are all in use; flush one or set FISSION_CLUSTER_REDIS_URL")
}

/** The suite's Redis (see the file's head), or null when none can be had. */
export async function clusterRedis({ dir }) {
  const configured = process.env.FISSION_CLUSTER_REDIS_URL
  const haveServer = spawnSync("redis-server", ["--version"]).status === 0
  if (!configured && haveServer) return ownRedis(Number(process.env.FISSION_CLUSTER_REDIS_PORT || 6391), dir)
  return machineRedis(configured || "redis://127.0.0.1:6379")
}
