// `npm run demo`: install → build plugins → PostgreSQL (embedded unless DATABASE_URL)
// → migrate → seed once → admin user → build app + dashboard + storefront → start Medusa,
// then the demo storefront next to it.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ensureInstalled } from "./lib/install.mjs"
import { buildPlugins, pluginNames, sourceHash } from "./lib/build-plugins.mjs"
import { databaseUrl, ensureDatabase, query, startDatabase } from "./lib/database.mjs"
import { demoSecrets } from "./lib/secrets.mjs"
import { BIN, ROOT, baseEnv, childrenExited, log, onInterrupt, run, running } from "./lib/run.mjs"
import { DIST as STOREFRONT_DIST, ensureStorefrontBuilt, startStorefront } from "../packages/storefront/serve.mjs"

const PORT = Number(process.env.PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const STORE_URL = process.env.STORE_URL || `http://localhost:${STOREFRONT_PORT}`
const ADMIN_EMAIL = process.env.FISSION_ADMIN_EMAIL || "admin@fission.local"
const ADMIN_PASSWORD = process.env.FISSION_ADMIN_PASSWORD || "fission-demo"
const started = Date.now()

await ensureInstalled()
await buildPlugins()

const db = await startDatabase({ name: "pg-demo", port: Number(process.env.FISSION_DEMO_PG_PORT || 15429) })
let url = process.env.DATABASE_URL
if (!url) {
  await ensureDatabase(db, "fission_demo")
  url = databaseUrl(db, "fission_demo")
}
// Production mode needs real secrets (medusa-config.ts refuses defaults): random ones,
// made once and kept in .fission/secrets.json so logins survive a restart.
const { JWT_SECRET, COOKIE_SECRET, file: secretsFile, created: newSecrets } = demoSecrets()
if (newSecrets) log(`generated the demo's JWT and cookie secrets in ${path.relative(ROOT, secretsFile)}`)
const env = {
  ...baseEnv(),
  DATABASE_URL: url,
  PORT: String(PORT),
  NODE_ENV: "production",
  COOKIE_SECURE: process.env.COOKIE_SECURE || "false",
  JWT_SECRET,
  COOKIE_SECRET,
  // share links point at the demo storefront, which calls the Store and auth APIs from its origin
  STORE_URL,
  STORE_CORS: process.env.STORE_CORS || STORE_URL,
  AUTH_CORS: process.env.AUTH_CORS || `${STORE_URL},http://localhost:${PORT}`,
}
let medusa
let storefront = null
let stopping = null
const medusaRunning = () => medusa && medusa.exitCode === null && medusa.signalCode === null
/**
 * The orderly stop (Ctrl-C, SIGTERM, or a failure): Medusa first — it runs in a process
 * group of its own, so only this SIGTERM reaches it, and `medusa start` answers it by
 * finishing the requests in flight and shutting its modules down — then whatever
 * migrate/seed/build step Ctrl-C interrupted, and PostgreSQL last (it runs in its own
 * session too, see scripts/lib/database-server.mjs), so no work still using the
 * database loses its connection.
 */
const shutdown = (code = 0) =>
  (stopping ??= (async () => {
    if (medusaRunning()) {
      log("stopping Medusa (it finishes what it is doing first; Ctrl-C again to force)…")
      try {
        process.kill(-medusa.pid, "SIGTERM")
      } catch {}
      await new Promise((r) => (medusaRunning() ? medusa.once("exit", r) : r()))
    }
    if (storefront) await storefront.close()
    await childrenExited()
    if (!db.external) log("stopping PostgreSQL…")
    await db.stop()
    process.exit(code)
  })())
onInterrupt(
  () => shutdown(0),
  () => {
    log("forcing Medusa to stop…")
    try {
      if (medusaRunning()) process.kill(-medusa.pid, "SIGKILL")
    } catch {}
    for (const child of running) child.kill("SIGKILL")
  }
)

try {
  log("migrating…")
  await run(BIN("medusa"), ["db:migrate"], { env, quiet: true })
  await run(BIN("medusa"), ["exec", "./src/scripts/seed.ts"], { env })

  const [admin] = await query(url, `SELECT id FROM "user" WHERE email = $1 AND deleted_at IS NULL`, [ADMIN_EMAIL])
  if (!admin) {
    log(`creating admin user ${ADMIN_EMAIL}…`)
    await run(BIN("medusa"), ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { env, quiet: true })
  }

  // The production build carries the admin dashboard; rebuild only when sources changed.
  const digest = sourceHash(path.join(ROOT, "src"), [
    path.join(ROOT, "medusa-config.ts"),
    path.join(ROOT, "package-lock.json"),
    ...pluginNames().map((p) => path.join(ROOT, "plugins", p, ".medusa", "fission-build.sha256")),
  ])
  const stamp = path.join(ROOT, ".medusa", "fission-app-build.sha256")
  const built = fs.existsSync(path.join(ROOT, ".medusa", "server", "public", "admin", "index.html"))
  if (!built || !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== digest) {
    log("building the app and the admin dashboard (medusa build)…")
    await run(BIN("medusa"), ["build"], { env, quiet: true })
    fs.writeFileSync(stamp, digest)
  }
  await ensureStorefrontBuilt({ log })
  // the API description of every Fission route, served next to the storefront's pages
  fs.copyFileSync(path.join(ROOT, "openapi", "fission.openapi.json"), path.join(STOREFRONT_DIST, "openapi.json"))
} catch (e) {
  console.error(e.message)
  await shutdown(1)
}

if (stopping) await stopping // Ctrl-C came between two steps: do not start Medusa any more
log("starting Medusa…")
medusa = spawn(BIN("medusa"), ["start"], { cwd: path.join(ROOT, ".medusa", "server"), env, stdio: "inherit", detached: true })
medusa.on("exit", (code) => {
  log(`Medusa exited (${code})`)
  shutdown(code ?? 1)
})

const base = `http://localhost:${PORT}`
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break
  } catch {}
  if (i > 240) {
    console.error("Medusa did not answer /health within 120 s")
    await shutdown(1)
  }
  await new Promise((r) => setTimeout(r, 500))
}

const [key] = await query(
  url,
  `SELECT token FROM api_key WHERE title = 'Fission Storefront' AND revoked_at IS NULL AND deleted_at IS NULL LIMIT 1`
)
const pk = key?.token ?? "<create one in Settings → Publishable API Keys>"
try {
  storefront = await startStorefront({ port: STOREFRONT_PORT, backendUrl: base, publishableKey: key?.token ?? "" })
} catch (e) {
  console.error(`the storefront did not start on port ${STOREFRONT_PORT}: ${e.message}`)
  await shutdown(1)
}
console.log(`
\x1b[32mFission demo is running\x1b[0m (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Storefront        ${storefront.url}   (shoppers' pages; ?ref=<code> links bind referrals)
  OpenAPI (Fission) ${storefront.url}/openapi.json
  Admin dashboard   ${base}/app
  Admin login       ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
  Store API         ${base}/store
  Publishable key   ${pk}
  Demo shoppers     alice@fission.local, bob@fission.local, carol@fission.local / fission-demo
  Database          ${url.replace(/:[^:@/]+@/, ":***@")}${db.external ? "" : " (embedded, data in .fission/pg-demo)"}

Try the Store API:
  curl -s ${base}/store/products -H "x-publishable-api-key: ${pk}"

Press Ctrl-C to stop Medusa${db.external ? "" : " and the embedded PostgreSQL"}.
`)
