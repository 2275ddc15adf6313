// `npm run test:browser [-- --url http://localhost:9000]`: logs into the admin dashboard
// in headless Chromium, then opens every Fission admin page (found from the plugins'
// `src/admin/routes/**/page.tsx`, dynamic ones with ids from the demo data) and the
// customer, order and product pages that carry Fission widgets; a page fails when the
// dashboard shows its error boundary or the browser reports an uncaught error.
// Needs a running, seeded demo (`npm run demo`) and Debian's chromium (`apt-get install chromium`).
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { ROOT, log } from "./lib/run.mjs"

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

/** Fills `[param]` segments with ids of the seeded demo data through the admin API. */
async function demoPaths(page, routes) {
  const get = async (url) => (await page.request.get(`${base}${url}`)).json()
  const { group_draws: [campaign] = [] } = await get("/admin/fission/group-draws?limit=1")
  const ids = { id: campaign?.id }
  const paths = routes
    .filter((r) => !r.includes("[group_id]"))
    .map((r) => r.replace(/\[(\w+)\]/g, (_, name) => ids[name] ?? "missing"))
  const { customers: [customer] = [] } = await get("/admin/customers?q=alice&limit=1")
  const { products: [product] = [] } = await get("/admin/products?handle=package-899&limit=1")
  const { orders: [order] = [] } = await get("/admin/orders?limit=1")
  if (customer) paths.push(`/customers/${customer.id}`)
  if (product) paths.push(`/products/${product.id}`)
  if (order) paths.push(`/orders/${order.id}`)
  return paths.filter((p) => !p.includes("missing"))
}

async function visit(page, route) {
  const errors = []
  const onError = (e) => errors.push(e.message)
  page.on("pageerror", onError)
  await page.goto(`${base}/app${route}`)
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {})
  await page.waitForTimeout(500)
  page.off("pageerror", onError)
  const body = await page.locator("body").innerText()
  if (body.includes("An error occurred")) errors.push("the dashboard shows its error boundary")
  await page.screenshot({ path: path.join(shots, `${route.replace(/^\//, "").replace(/\//g, "_")}.png`) })
  return errors
}

try {
  const page = await browser.newPage()
  await page.goto(`${base}/app/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 30_000 })
  // The dashboard's orders list is the landing page after login.
  await page.getByText("Orders").first().waitFor({ timeout: 30_000 })
  await page.screenshot({ path: screenshot })
  log(`admin dashboard OK at ${page.url()}`)
  let failed = 0
  for (const route of await demoPaths(page, fissionRoutes())) {
    const errors = await visit(page, route)
    if (errors.length) failed++
    log(`${errors.length ? "FAIL" : "ok  "} /app${route}${errors.length ? ` — ${errors.join("; ")}` : ""}`)
  }
  log(`screenshots in ${path.relative(ROOT, shots)}/`)
  if (failed) throw new Error(`${failed} admin page(s) failed`)
} catch (e) {
  console.error(`admin smoke test failed: ${e.message}`)
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: screenshot }).catch(() => {})
  console.error(`screenshot of the failure: ${path.relative(ROOT, screenshot)}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
