// Random JWT/cookie secrets for the Medusa processes our scripts start in production
// mode (medusa-config.ts refuses missing or default ones there, SPEC §0.10).
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./run.mjs"

const VARIABLES = ["JWT_SECRET", "COOKIE_SECRET"]

/** 32 random bytes as 64 hex characters. */
export const randomSecret = () => crypto.randomBytes(32).toString("hex")

/** Fresh secrets for one run (benchmarks: every process of the run shares them). */
export const randomSecrets = () => Object.fromEntries(VARIABLES.map((name) => [name, randomSecret()]))

/**
 * The demo's secrets: created once in `file` (mode 0600, in the git-ignored `.fission/`)
 * and read back on every later run, so admin and shopper logins survive a restart.
 * Values set in the environment win, so an operator can bring their own.
 * Returns `{ JWT_SECRET, COOKIE_SECRET, file, created }`.
 */
export function demoSecrets({ file = path.join(ROOT, ".fission", "secrets.json"), env = process.env } = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let stored = null
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (e) {
    if (e.code !== "ENOENT") throw new Error(`${file} is unreadable (${e.message}): fix or delete it`)
  }
  let created = false
  if (!stored || VARIABLES.some((name) => typeof stored[name] !== "string" || stored[name].length < 32)) {
    // Keep what is valid (a half-written file loses nothing), generate the rest.
    const next = Object.fromEntries(VARIABLES.map((name) => [name, typeof stored?.[name] === "string" && stored[name].length >= 32 ? stored[name] : randomSecret()]))
    // Written next to the target and renamed: a crash never leaves a truncated file,
    // and the file is never readable by others, even for a moment.
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 })
    fs.renameSync(tmp, file)
    stored = next
    created = true
  }
  // An older file with wider permissions is tightened.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600)
  const secrets = Object.fromEntries(VARIABLES.map((name) => [name, env[name] || stored[name]]))
  return { ...secrets, file, created }
}
