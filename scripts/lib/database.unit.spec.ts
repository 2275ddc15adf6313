import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { Client } from "pg"

// Defect 11: Ctrl-C on `npm run demo` / `npm test` sends SIGINT to the terminal's whole
// foreground process group. The embedded PostgreSQL must not be in it: it has to keep
// serving until the script (after Medusa / jest) tells it to stop.

jest.setTimeout(120_000)

const HELPER = path.join(__dirname, "database.mjs")
const NAME = "pg-signal-test" // data in .fission/pg-signal-test, kept so later runs skip initdb

/** A free TCP port on 127.0.0.1 (asked from the kernel, so parallel runs do not collide). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Plays `npm run demo`: a process group of its own (like the terminal's foreground group)
 * that starts the database with `startDatabase`, reports SIGINT without stopping anything
 * (the demo first waits for Medusa), and stops the database when it reads "stop".
 */
function startScript(port: number) {
  const script = `
    import readline from "node:readline"
    import { startDatabase } from ${JSON.stringify(HELPER)}
    const db = await startDatabase({ name: ${JSON.stringify(NAME)}, port: ${port} })
    const say = (m) => process.stdout.write(JSON.stringify(m) + "\\n")
    process.on("SIGINT", () => say({ sigint: true }))
    readline.createInterface({ input: process.stdin }).on("line", async (line) => {
      if (line === "stop") { await db.stop(); say({ stopped: true }); process.exit(0) }
    })
    say({ ready: true, databaseDir: db.databaseDir, serverPid: db.pid })`
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
  for (const key of ["DATABASE_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) delete env[key]
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env,
    detached: true, // its own process group, which the test signals as a terminal would
    stdio: ["pipe", "pipe", "inherit"],
  })
  const messages: any[] = []
  const waiters: { test: (m: any) => boolean; resolve: (m: any) => void }[] = []
  let buffer = ""
  child.stdout!.on("data", (chunk) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      let message: any
      try {
        message = JSON.parse(line)
      } catch {
        continue // the helper's own log lines
      }
      messages.push(message)
      for (const w of waiters.splice(0)) (w.test(message) ? w.resolve(message) : waiters.push(w))
    }
  })
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal!)))
  const next = (key: string) =>
    new Promise<any>((resolve, reject) => {
      const seen = messages.find((m) => m[key])
      if (seen) return resolve(seen)
      waiters.push({ test: (m) => !!m[key], resolve })
      exited.then((code) => reject(new Error(`script exited (${code}) before "${key}"`)))
    })
  return { child, next, exited }
}

const connect = async (port: number) => {
  const client = new Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres", database: "postgres" })
  await client.connect()
  return client
}

/** Process group of a pid, from /proc (field 5 of /proc/<pid>/stat). */
const processGroup = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2])
const postmasterPid = (dir: string) => Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0])
/** Running (not a zombie waiting to be reaped by whoever inherited it). */
const alive = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z"
  } catch {
    return false
  }
}
const tick = () => new Promise((r) => setTimeout(r, 20)) // poll interval while waiting for a state

/** Resolves once `pid` has exited. */
async function untilExited(pid: number) {
  while (alive(pid)) await tick()
}

/** Resolves once nothing accepts connections on `port` any more (the state asserted next). */
async function untilRefused(port: number) {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port })
      socket.once("connect", () => (socket.destroy(), resolve(false)))
      socket.once("error", () => resolve(true))
    })
    if (refused) return
    await tick()
  }
}

let running: ChildProcess | null = null
afterEach(() => {
  // A failed assertion must not leave the script (and so the database) behind.
  if (running && running.exitCode === null && running.signalCode === null) process.kill(-running.pid!, "SIGKILL")
  running = null
})

describe("embedded PostgreSQL and Ctrl-C (scripts/lib/database.mjs)", () => {
  it("keeps serving through a SIGINT to the caller's process group and stops only when told to", async () => {
    const port = await freePort()
    const script = startScript(port)
    running = script.child
    const { databaseDir, serverPid } = await script.next("ready")
    const postmaster = postmasterPid(databaseDir)

    // PostgreSQL and its supervising process are outside the group a terminal signals.
    expect(processGroup(script.child.pid!)).toBe(script.child.pid)
    expect(processGroup(postmaster)).not.toBe(script.child.pid)
    expect(processGroup(serverPid)).not.toBe(script.child.pid)

    // Work in flight when Ctrl-C arrives: an open transaction on an existing session.
    const session = await connect(port)
    await session.query("BEGIN")
    await session.query("CREATE TEMP TABLE in_flight (n int)")

    process.kill(-script.child.pid!, "SIGINT") // what Ctrl-C does to the foreground group
    await script.next("sigint")

    // The session survived and the transaction completes; new sessions are accepted.
    await session.query("INSERT INTO in_flight VALUES (1)")
    await session.query("COMMIT")
    expect((await session.query("SELECT count(*)::int AS n FROM in_flight")).rows[0].n).toBe(1)
    const fresh = await connect(port)
    expect((await fresh.query("SELECT 1 AS one")).rows[0].one).toBe(1)
    await fresh.end()
    await session.end()
    expect(alive(postmaster)).toBe(true)

    // Told to stop (what the demo does once Medusa has exited): a clean shutdown.
    script.child.stdin!.write("stop\n")
    await script.next("stopped")
    expect(await script.exited).toBe(0)
    expect(alive(postmaster)).toBe(false)
    expect(alive(serverPid)).toBe(false)
    await untilRefused(port)
  })

  it("stops PostgreSQL when the script dies without stopping it, so no server is orphaned", async () => {
    const port = await freePort()
    const script = startScript(port)
    running = script.child
    const { databaseDir, serverPid } = await script.next("ready")
    const postmaster = postmasterPid(databaseDir)

    process.kill(-script.child.pid!, "SIGKILL")
    await script.exited
    await untilRefused(port)
    // The supervising process stopped PostgreSQL cleanly (postmaster.pid is removed on shutdown).
    await untilExited(serverPid)
    expect(alive(postmaster)).toBe(false)
    expect(fs.existsSync(path.join(databaseDir, "postmaster.pid"))).toBe(false)
  })
})
