import { ensureInstalled } from "./lib/install.mjs"
import { buildPlugins } from "./lib/build-plugins.mjs"

await ensureInstalled()
await buildPlugins({ force: process.argv.includes("--force") })
