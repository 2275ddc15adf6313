// `npm run test:browser [-- --url http://localhost:9000]`: logs into the admin dashboard
// in headless Chromium and checks the dashboard renders. Needs a running demo
// (`npm run demo`) and Debian's chromium (`apt-get install chromium`).
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
const screenshot = path.join(ROOT, ".fission", "admin-smoke.png")
fs.mkdirSync(path.dirname(screenshot), { recursive: true })
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
  log(`admin dashboard OK at ${page.url()} (screenshot: ${path.relative(ROOT, screenshot)})`)
} catch (e) {
  console.error(`admin smoke test failed: ${e.message}`)
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: screenshot }).catch(() => {})
  console.error(`screenshot of the failure: ${path.relative(ROOT, screenshot)}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
