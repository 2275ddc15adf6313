// The cluster's Medusa processes: `medusa start` from the repository (as the benchmarks
// run it), each in a process group of its own so that stopping it, or `kill -9` in a
// fault check, takes its whole tree. Every process started is remembered, so `stopAll`
// can end them on any exit path of the runner, failure included.
import { spawn } from "node:child_process"
import fs from "node:fs"
import { BIN, ROOT } from "../../scripts/lib/run.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const started = new Set()

/** Starts `medusa start` as `name` (MEDUSA_WORKER_MODE = mode) on `port`; resolves once /health answers. */
export async function startProcess({ name, mode, port, env, logFile, timeoutMs = 300_000 }) {
  const out = fs.openSync(logFile, "w")
  // FISSION_PROCESS_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): extra node flags for every process
  const nodeArgs = (process.env.FISSION_PROCESS_NODE_ARGS || "").split(" ").filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, BIN("medusa"), "start"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), MEDUSA_WORKER_MODE: mode },
    stdio: ["ignore", out, out],
    detached: true,
  })
  fs.closeSync(out)
  const proc = { name, mode, port, base: `http://localhost:${port}`, pid: child.pid, logFile, exit: null }
  proc.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve((proc.exit = code ?? signal))))
  started.add(proc)
  const deadline = Date.now() + timeoutMs
  while (true) {
    if (proc.exit !== null) throw new Error(`${name} exited (${proc.exit}) before answering /health`)
    try {
      if ((await fetch(`${proc.base}/health`)).ok) return proc
    } catch {}
    if (Date.now() > deadline) throw new Error(`${name} did not answer /health within ${timeoutMs / 1000} s`)
    await sleep(250)
  }
}

const signalGroup = (proc, signal) => {
  try {
    process.kill(-proc.pid, signal)
  } catch {}
}

/** `kill -9` of the process's group, as a crash would; resolves once it has exited. */
export async function crash(proc) {
  signalGroup(proc, "SIGKILL")
  await proc.exited
}

/** SIGTERM to every process started, SIGKILL to those still alive after 10 s. */
export async function stopAll() {
  const alive = [...started].filter((p) => p.exit === null)
  for (const p of alive) signalGroup(p, "SIGTERM")
  await Promise.race([Promise.all(alive.map((p) => p.exited)), sleep(10_000)])
  for (const p of alive) if (p.exit === null) signalGroup(p, "SIGKILL")
  await Promise.race([Promise.all(alive.map((p) => p.exited)), sleep(5_000)])
}

/** Synchronous last resort (process "exit" handler): SIGKILL to every group still running. */
export function killAllSync() {
  for (const p of started) if (p.exit === null) signalGroup(p, "SIGKILL")
}

/** The last `lines` lines of every process's log, for a failure report. */
export function logTails(lines = 40) {
  return [...started]
    .map((p) => {
      const text = fs.existsSync(p.logFile) ? fs.readFileSync(p.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no log)"
      return `----- ${p.name} (${p.mode}, :${p.port}, exit ${p.exit ?? "running"}) ${p.logFile}\n${text}`
    })
    .join("\n")
}
