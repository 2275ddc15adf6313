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

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(cmd, args, { cwd = ROOT, env = baseEnv(), quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" })
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
