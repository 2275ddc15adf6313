// `npm run test:install`: the plugins installed the way a store owner installs them (issue 12).
// Packs every plugin with `npm pack`, installs the tarballs with @medusajs/loyalty-plugin into a
// plain Medusa app at the pinned version in a temporary folder (no workspace links, none of this
// repository's app files: its own medusa-config.js, as each plugin README's install section
// says), migrates it, boots `medusa start`, and places an order through the Store API whose
// rewards must reach the ledger (points, growth, a level-1 commission) with a clean
// reconciliation. PostgreSQL: DB_* / DATABASE_URL's server, else an embedded one (port 15444).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { spawn } from "node:child_process"
import ts from "typescript"
import { ensureInstalled } from "../../scripts/lib/install.mjs"
import { buildPlugins, pluginNames } from "../../scripts/lib/build-plugins.mjs"
import { databaseUrl, query, startDatabase } from "../../scripts/lib/database.mjs"
import { ROOT, baseEnv, log, run } from "../../scripts/lib/run.mjs"
import { call, captureOrder, checkout, loginAdmin } from "../../bench/lib/checkout.mjs"

const MEDUSA = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@medusajs/medusa/package.json"), "utf8")).version
const PORT = Number(process.env.FISSION_INSTALL_PORT || 9105)
const started = Date.now()
const app = fs.mkdtempSync(path.join(os.tmpdir(), "fission-install-"))
let server = null

/** Polls `probe` until it returns something truthy; fails after `timeout` ms naming what it waited for. */
async function waitFor(probe, { timeout, what }) {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await probe().catch(() => null)
    if (value) return value
    if (server && server.exitCode !== null) throw new Error(`the plain app exited (${server.exitCode}) while waiting for ${what}`)
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}
let db = null
let database = null

async function main() {
  await ensureInstalled()
  await buildPlugins()

  log(`packing ${pluginNames().length} plugins into ${app}…`)
  const tarballs = {}
  for (const name of pluginNames()) {
    const out = await run("npm", ["pack", "--silent", "--pack-destination", app], { cwd: path.join(ROOT, "plugins", name), quiet: true })
    tarballs[`@fission/${name}`] = `file:./${out.trim().split("\n").pop()}`
  }
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "plain-medusa-store",
        private: true,
        dependencies: {
          "@medusajs/admin-sdk": MEDUSA,
          "@medusajs/cli": MEDUSA,
          "@medusajs/framework": MEDUSA,
          "@medusajs/medusa": MEDUSA,
          "@medusajs/loyalty-plugin": MEDUSA,
          ...tarballs,
        },
      },
      null,
      2
    )
  )
  // The configuration each plugin README asks for, nothing else.
  fs.writeFileSync(
    path.join(app, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: process.env.JWT_SECRET, cookieSecret: process.env.COOKIE_SECRET },
  },
  admin: { disable: true },
  plugins: [
    { resolve: "@medusajs/loyalty-plugin", options: {} },
    ${pluginNames().map((n) => `{ resolve: "@fission/${n}", options: {} }`).join(",\n    ")},
  ],
})
`
  )
  // The test's own data (not part of the install): the benchmarks' store setup, compiled to JS.
  for (const file of ["bench/lib/setup-store.ts", "src/lib/store-fixture.ts"]) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(ROOT, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
    })
    const target = path.join(app, "seed", file.replace(/\.ts$/, ".js"))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, outputText)
  }

  log(`installing Medusa ${MEDUSA}, the loyalty plugin and the tarballs (npm install)…`)
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: app, quiet: true })
  for (const name of Object.keys(tarballs)) {
    if (fs.lstatSync(path.join(app, "node_modules", name)).isSymbolicLink()) throw new Error(`${name} is a link, not an installed package`)
  }

  db = await startDatabase({ name: "pg-install", port: Number(process.env.FISSION_INSTALL_PG_PORT || 15444) })
  database = `fission_install_${process.pid}`
  await query(databaseUrl(db, "postgres"), `CREATE DATABASE "${database}"`)
  const env = {
    ...baseEnv(),
    DATABASE_URL: databaseUrl(db, database),
    NODE_ENV: "production",
    JWT_SECRET: "install-test-jwt-secret-0123456789abcdef",
    COOKIE_SECRET: "install-test-cookie-secret-0123456789abcdef",
    BENCH_SHOPPERS: "2",
    BENCH_OUT: path.join(app, "store.json"),
    PORT: String(PORT),
  }
  delete env.REDIS_URL
  log("migrating (npx medusa db:migrate)…")
  await run(path.join(app, "node_modules/.bin/medusa"), ["db:migrate"], { cwd: app, env, quiet: true })
  await run(path.join(app, "node_modules/.bin/medusa"), ["exec", "./seed/bench/lib/setup-store.js"], { cwd: app, env, quiet: true })
  const store = JSON.parse(fs.readFileSync(env.BENCH_OUT, "utf8"))

  log(`starting the plain app (medusa start, :${PORT})…`)
  const logFile = path.join(app, "medusa.log")
  const out = fs.openSync(logFile, "w")
  server = spawn(path.join(app, "node_modules/.bin/medusa"), ["start"], { cwd: app, env, stdio: ["ignore", out, out], detached: true })
  fs.closeSync(out)
  const base = `http://localhost:${PORT}`
  await waitFor(async () => (await fetch(`${base}/health`).catch(() => null))?.ok, { timeout: 180_000, what: "/health of the plain app" })

  // The plugins are loaded: their routes answer.
  const [referrer, buyer] = store.shoppers
  const headers = (s) => ({ authorization: `Bearer ${s.token}`, "x-publishable-api-key": store.publishable_key })
  const admin = await loginAdmin(base, store.admin.email, store.password)
  const { referral } = await call(base, "GET", "/store/fission/referral", headers(referrer))
  await call(base, "POST", "/store/fission/referral/bind", headers(buyer), { code: referral.code })
  await call(base, "POST", `/admin/fission/products/${store.products["package-899"].product_id}/commission`, admin, { mode: "fixed", level1: 100, level2: 0 })

  // An order through the standard Medusa checkout, captured by the admin.
  const { order_id } = await checkout(base, headers(buyer), store, [{ variant_id: store.products["package-899"].variant_id, quantity: 1 }])
  await captureOrder(base, admin, order_id)
  log(`order ${order_id} placed and captured; waiting for its rewards in the ledger…`)

  const balances = async (who) => (await call(base, "GET", "/store/fission/wallet", headers(who))).wallet.balances
  const of = (list, asset) => list.find((b) => b.asset === asset) ?? { posted: 0, pending_in: 0 }
  const buyerBalances = await waitFor(async () => {
    const b = await balances(buyer)
    return Number(of(b, "points").posted) > 0 && Number(of(b, "growth").posted) > 0 ? b : null
  }, { timeout: 120_000, what: "the buyer's points and growth" })
  const referrerBalances = await waitFor(async () => {
    const b = await balances(referrer)
    const c = of(b, "commission")
    return Number(c.posted) + Number(c.pending_in ?? 0) > 0 ? b : null
  }, { timeout: 120_000, what: "the referrer's level-1 commission" })
  const { reconciliation } = await call(base, "GET", "/admin/fission/ledger/reconciliation", admin)
  if (!reconciliation.ok) throw new Error(`ledger reconciliation: ${JSON.stringify(reconciliation).slice(0, 500)}`)

  const c = of(referrerBalances, "commission")
  console.log(`
  installed from tarballs: ${Object.keys(tarballs).join(", ")} + @medusajs/loyalty-plugin ${MEDUSA}
  order ${order_id}: buyer points ${of(buyerBalances, "points").posted}, growth ${of(buyerBalances, "growth").posted}; referrer commission ${Number(c.posted) + Number(c.pending_in ?? 0)} (pending until released)
  ledger reconciliation ok`)
}

let failed = false
try {
  await main()
} catch (e) {
  failed = true
  console.error(`\ninstall test FAILED: ${e.stack || e.message}`)
  const logFile = path.join(app, "medusa.log")
  if (fs.existsSync(logFile)) console.error(`--- last lines of ${logFile}\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n")}`)
} finally {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {}
    await new Promise((r) => (server.exitCode === null ? server.once("exit", r) : r()))
  }
  if (db && database) await query(databaseUrl(db, "postgres"), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {})
  if (db) await db.stop()
  if (!failed) fs.rmSync(app, { recursive: true, force: true })
}
log(`install test ${failed ? "FAILED" : "passed"} in ${Math.round((Date.now() - started) / 1000)} s${failed ? ` (app left in ${app})` : ""}`)
process.exit(failed ? 1 : 0)
