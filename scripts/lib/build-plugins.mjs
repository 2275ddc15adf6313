import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT, BIN, run, log } from "./run.mjs"

export const PLUGINS_DIR = path.join(ROOT, "plugins")
// Core first: the other plugins compile against its type declarations (.d.ts in its build).
export const pluginNames = () =>
  fs
    .readdirSync(PLUGINS_DIR)
    .filter((p) => fs.existsSync(path.join(PLUGINS_DIR, p, "package.json")))
    .sort((a, b) => (b === "core") - (a === "core") || a.localeCompare(b))

/** Plugins that build against @fission/core's types: rebuilt (so type-checked again) when core is. */
const usesCore = (dir) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
  return pkg.name !== "@fission/core" && !!(pkg.peerDependencies?.["@fission/core"] || pkg.dependencies?.["@fission/core"])
}

function hashTree(hash, dir) {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) hashTree(hash, full)
    else {
      hash.update(path.relative(ROOT, full))
      hash.update(fs.readFileSync(full))
    }
  }
}

export function sourceHash(dir, extra = []) {
  const hash = crypto.createHash("sha256")
  for (const p of extra) hash.update(fs.existsSync(p) ? fs.readFileSync(p) : "")
  hashTree(hash, dir)
  return hash.digest("hex")
}

/**
 * Medusa loads a plugin only from `<plugin>/.medusa/server`: an unbuilt plugin is
 * silently skipped. Build each plugin whose sources changed since its last build.
 */
export async function buildPlugins({ force = false } = {}) {
  for (const name of pluginNames()) {
    const dir = path.join(PLUGINS_DIR, name)
    const stamp = path.join(dir, ".medusa", "fission-build.sha256")
    const digest = sourceHash(path.join(dir, "src"), [
      path.join(dir, "package.json"),
      path.join(dir, "tsconfig.json"),
      path.join(ROOT, "tsconfig.plugin.json"),
      ...(usesCore(dir) ? [path.join(PLUGINS_DIR, "core", ".medusa", "fission-build.sha256")] : []),
    ])
    const built = fs.existsSync(path.join(dir, ".medusa", "server", "src"))
    if (!force && built && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) continue
    log(`building @fission/${name}…`)
    await run(BIN("medusa"), ["plugin:build"], { cwd: dir, quiet: true })
    fs.writeFileSync(stamp, digest)
  }
}
