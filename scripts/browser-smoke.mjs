// `npm run test:browser [-- --url http://localhost:9000]`: logs into the admin dashboard
// in headless Chromium, then opens every Fission admin page (found from the plugins'
// `src/admin/routes/**/page.tsx`, dynamic ones with ids from the demo data) and the
// customer, order and product pages that carry Fission widgets, once in English and once in
// 简体中文 (the dashboard keeps its language in i18next's `lng` cookie, as Settings → Profile →
// Language sets it); a page fails when the dashboard shows its error boundary, the browser
// reports an uncaught error, or — in the zh-CN run — a Fission text is untranslated (a key
// shown, or an English string of an en bundle where zhCN has its own: lib/admin-i18n-check.mjs).
// Screenshots per language in .fission/admin-smoke/<lang>/. After the English pass, one admin
// action per plugin through the UI with its effect checked through the Admin API
// (lib/admin-actions.mjs).
// Needs a running, seeded demo (`npm run demo`) and Debian's chromium (`apt-get install chromium`).
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { ROOT, log } from "./lib/run.mjs"
import { collectTexts, loadBundles, loadNotOurs, untranslatedChecker } from "./lib/admin-i18n-check.mjs"
import { adminActions, enLabels } from "./lib/admin-actions.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const base = arg("url", process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`)
const email = process.env.FISSION_ADMIN_EMAIL || "admin@fission.local"
const password = process.env.FISSION_ADMIN_PASSWORD || "fission-demo"
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) =>
  fs.existsSync(p)
)
if (!executablePath) {
  console.error("No Chromium found: apt-get install chromium")
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
})
const shots = path.join(ROOT, ".fission", "admin-smoke")
const screenshot = path.join(shots, "login.png")
fs.mkdirSync(shots, { recursive: true })

/** Static Fission admin routes, from the plugin sources (`[param]` routes are visited with demo ids). */
function fissionRoutes() {
  const routes = []
  const walk = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const route = `${prefix}/${entry.name}`
      if (fs.existsSync(path.join(dir, entry.name, "page.tsx"))) routes.push(route)
      walk(path.join(dir, entry.name), route)
    }
  }
  for (const plugin of fs.readdirSync(path.join(ROOT, "plugins"))) {
    const dir = path.join(ROOT, "plugins", plugin, "src", "admin", "routes")
    if (fs.existsSync(dir)) walk(dir, "")
  }
  return routes.sort()
}

/** Fills `[param]` segments with ids of the seeded demo data through the admin API (by the route's resource). */
async function demoPaths(page, routes) {
  const get = async (url) => (await page.request.get(`${base}${url}`)).json()
  const first = async (url, key) => (await get(url))[key]?.[0]?.id
  const draw = await first("/admin/fission/group-draws?status=active&limit=1", "group_draws")
  const ids = {
    "group-draws": { id: draw, group_id: draw && (await first(`/admin/fission/group-draws/${draw}/groups?limit=1`, "groups")) },
    presales: { id: await first("/admin/fission/presales?status=active&limit=1", "presales") },
    "blind-boxes": { id: await first("/admin/fission/blind-boxes?limit=1", "blind_boxes") },
  }
  const paths = routes.map((r) => r.replace(/\[(\w+)\]/g, (_, name) => ids[r.split("/")[1]]?.[name] ?? "missing"))
  const { customers: [customer] = [] } = await get("/admin/customers?q=alice&limit=1")
  const { products: [product] = [] } = await get("/admin/products?handle=package-899&limit=1")
  const { orders: [order] = [] } = await get("/admin/orders?limit=1")
  if (customer) paths.push(`/customers/${customer.id}`)
  if (product) paths.push(`/products/${product.id}`)
  if (order) paths.push(`/orders/${order.id}`)
  const skipped = paths.filter((p) => p.includes("missing"))
  if (skipped.length) log(`no demo record for ${skipped.join(", ")} (skipped)`)
  return paths.filter((p) => !p.includes("missing"))
}

const LANGUAGES = ["en", "zhCN"]
const bundles = loadBundles(ROOT)
const untranslated = untranslatedChecker(bundles, loadNotOurs(ROOT))

async function visit(page, route, lang) {
  const errors = []
  const onError = (e) => errors.push(e.message)
  page.on("pageerror", onError)
  await page.goto(`${base}/app${route}`)
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {})
  await page.waitForTimeout(500)
  page.off("pageerror", onError)
  const body = await page.locator("body").innerText()
  // the error boundary's headings (a render error, or no such route) in either language
  if (/An error occurred|There is no page at this address|发生错误|此地址不存在/.test(body)) errors.push("the dashboard shows its error boundary")
  if (lang === "zhCN") errors.push(...untranslated(await page.evaluate(collectTexts)))
  await page.screenshot({ path: path.join(shots, lang, `${route.replace(/^\//, "").replace(/\//g, "_")}.png`), fullPage: true })
  return errors
}

try {
  // tall: the dashboard scrolls inside its own layout, so a full-page shot is only the viewport
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } })
  await page.goto(`${base}/app/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 30_000 })
  // The dashboard's orders list is the landing page after login.
  await page.getByText("Orders").first().waitFor({ timeout: 30_000 })
  await page.screenshot({ path: screenshot })
  log(`admin dashboard OK at ${page.url()}`)
  const paths = await demoPaths(page, fissionRoutes())
  let failed = 0
  for (const lang of LANGUAGES) {
    fs.mkdirSync(path.join(shots, lang), { recursive: true })
    await page.context().addCookies([{ name: "lng", value: lang, url: base }])
    await page.evaluate((l) => localStorage.setItem("lng", l), lang)
    const started = Date.now()
    for (const route of paths) {
      const errors = await visit(page, route, lang)
      if (errors.length) failed++
      log(`${errors.length ? "FAIL" : "ok  "} [${lang}] /app${route}${errors.length ? ` — ${errors.join("; ")}` : ""}`)
    }
    // the dashboard itself must have switched: its sidebar shows its own translation of "Orders"
    const orders = await page.getByText(lang === "zhCN" ? "订单" : "Orders").count()
    if (!orders) (failed++, log(`FAIL [${lang}] the dashboard did not switch to ${lang}`))
    log(`${lang}: ${paths.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    if (lang !== "en") continue
    // one admin action per plugin through the UI, its effect checked through the Admin API
    for (const action of adminActions({ base, en: enLabels(bundles) })) {
      try {
        log(`ok   [action] ${action.name}: ${await action.run(page)}`)
      } catch (e) {
        failed++
        log(`FAIL [action] ${action.name} — ${e.message.split("\n")[0]}`)
        await page.screenshot({ path: path.join(shots, lang, `action-failed-${failed}.png`) }).catch(() => {})
      }
    }
  }
  log(`screenshots in ${path.relative(ROOT, shots)}/{${LANGUAGES.join(",")}}/`)
  if (failed) throw new Error(`${failed} admin page visit(s) failed`)
} catch (e) {
  console.error(`admin smoke test failed: ${e.message}`)
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: screenshot }).catch(() => {})
  console.error(`screenshot of the failure: ${path.relative(ROOT, screenshot)}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
