import fs from "node:fs"
import path from "node:path"
import { ROOT, run, log } from "./run.mjs"

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)

/**
 * Installs dependencies when node_modules is missing or older than the manifests.
 * `npm ci` is not used: the lockfile from this registry lacks some non-Linux
 * optional builds and `npm ci` refuses it.
 */
export async function ensureInstalled() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json")
  const manifests = [
    path.join(ROOT, "package.json"),
    path.join(ROOT, "package-lock.json"),
    ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => path.join(ROOT, "plugins", p, "package.json")),
  ]
  const stale = !fs.existsSync(path.join(ROOT, "node_modules", ".bin", "medusa")) ||
    manifests.some((m) => mtime(m) > mtime(marker))
  if (!stale) return
  log("installing dependencies (npm install)…")
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"])
}
