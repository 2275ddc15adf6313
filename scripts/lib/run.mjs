import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const BIN = (name) => path.join(ROOT, "node_modules", ".bin", name)

export const baseEnv = () => ({
  ...process.env,
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_NO_WARNINGS: "1",
})

/** Children started by `run` that have not exited yet. */
export const running = new Set()

/** Resolves once every child started by `run` has exited (e.g. after Ctrl-C reached them). */
export const childrenExited = () =>
  Promise.all([...running].map((child) => new Promise((resolve) => (running.has(child) ? child.once("exit", resolve) : resolve()))))

/**
 * Ctrl-C / SIGTERM handling of a script: `first()` on the first signal (an orderly stop:
 * the script's children first, the database last), `force()` on another one pressed at
 * least a second later. The delay matters: under `npm run`, one Ctrl-C arrives twice
 * (from the terminal and forwarded by npm).
 */
export function onInterrupt(first, force = () => {}) {
  let at = 0
  const handler = () => {
    if (!at) {
      at = Date.now()
      first()
    } else if (Date.now() - at > 1000) {
      force()
    }
  }
  process.on("SIGINT", handler)
  process.on("SIGTERM", handler)
}

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(cmd, args, { cwd = ROOT, env = baseEnv(), quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" })
    running.add(child)
    child.once("exit", () => running.delete(child))
    child.once("error", () => running.delete(child))
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    }
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve(output)
      if (quiet) process.stderr.write(output)
      reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`))
    })
  })
}

export const log = (msg) => console.log(`\x1b[36m[fission]\x1b[0m ${msg}`)
