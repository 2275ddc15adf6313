// The shopper's walk through the demo storefront in headless Chromium (part of `npm run test:browser`,
// against a running `npm run demo`): opens alice's referral link, registers a new shopper there, buys
// the 899 package through the standard checkout, sees the wallet change once the order is paid
// (captured through the Admin API, as the store would), checks in, and joins a group draw through its
// own checkout. Fails on a browser console error, an uncaught exception, a failed request or an
// answer ≥ 400 other than the 401s of logged-out reads. Screenshots in .fission/shopper-walk/.
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { ROOT, log } from "./lib/run.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const store = arg("url", process.env.STORE_URL || "http://localhost:8000").replace(/\/$/, "")
const adminEmail = process.env.FISSION_ADMIN_EMAIL || "admin@fission.local"
const adminPassword = process.env.FISSION_ADMIN_PASSWORD || "fission-demo"
const shots = path.join(ROOT, ".fission", "shopper-walk")
fs.mkdirSync(shots, { recursive: true })
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => fs.existsSync(p))
if (!executablePath) {
  console.error("No Chromium found: apt-get install chromium")
  process.exit(2)
}

const config = await (await fetch(`${store}/config.json`)).json()
const backend = config.backendUrl
const json = async (method, p, headers = {}, body) => {
  const res = await fetch(backend + p, { method, headers: { "content-type": "application/json", ...headers }, body: body && JSON.stringify(body) })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${JSON.stringify(data).slice(0, 200)}`)
  return data
}
const storeHeaders = (token) => ({ "x-publishable-api-key": config.publishableKey, ...(token ? { authorization: `Bearer ${token}` } : {}) })
const { token: aliceToken } = await json("POST", "/auth/customer/emailpass", {}, { email: "alice@fission.local", password: "fission-demo" })
const { referral } = await json("GET", "/store/fission/referral", storeHeaders(aliceToken))
const { token: adminToken } = await json("POST", "/auth/user/emailpass", {}, { email: adminEmail, password: adminPassword })
const admin = { authorization: `Bearer ${adminToken}` }

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] })
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "en-US" })
page.setDefaultTimeout(20_000)
const problems = []
let step = "start"
let loggedIn = false
page.on("console", (m) => m.type() === "error" && problems.push(`${step}: console: ${m.text()}`))
page.on("pageerror", (e) => problems.push(`${step}: uncaught: ${e.message}`))
page.on("requestfailed", (r) => problems.push(`${step}: request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`))
page.on("response", (r) => {
  if (r.status() < 400) return
  // logged-out reads of the customer's own data answer 401 by design
  if (r.status() === 401 && !loggedIn) return
  problems.push(`${step}: ${r.status()} ${r.request().method()} ${r.url()}`)
})
const settle = async () => {
  await page.waitForLoadState("networkidle").catch(() => {})
  await page.waitForFunction(() => !document.querySelector(".state.loading")).catch(() => {})
}
const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
const done = (what) => console.log(`✔ ${what}`)
const token = () => page.evaluate(() => localStorage.getItem("fission_storefront_jwt"))
const pointsRow = async () => {
  await page.goto(`${store}/wallet`)
  await settle()
  return (await page.locator("tr", { hasText: /^Points/ }).first().innerText()).replace(/\s+/g, " ")
}
/** Polls `probe` (which reloads what it reads) until it returns something truthy. */
const until = async (probe, what, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe().catch(() => null)
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}
const capture = async (orderId) => {
  const { order } = await json("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
  for (const c of order.payment_collections) for (const p of c.payments) if (!p.captured_at) await json("POST", `/admin/payments/${p.id}/capture`, admin, {})
}
/** The standard checkout page: address, first shipping option, system payment, place order; returns the order id. */
const checkout = async () => {
  const fill = async (label, value) => {
    const input = page.locator(`label:has-text("${label}") input`).first()
    if (!(await input.inputValue())) await input.fill(value)
  }
  await fill("Last name", "Walk")
  await fill("First name", "Shopper")
  await fill("Address", "1 Fruit Road")
  await fill("City", "Ganzhou")
  await fill("Postal code", "341000")
  await page.click("text=Save address")
  await page.locator('input[name="shipping"]').first().click()
  await page.waitForSelector("text=Place order")
  await settle()
  const completed = page.waitForResponse((r) => /\/store\/carts\/[^/]+\/complete$/.test(new URL(r.url()).pathname) && r.request().method() === "POST", { timeout: 60_000 })
  await page.click("text=Place order")
  const body = await (await completed).json()
  if (body.type !== "order") throw new Error(`checkout did not complete: ${JSON.stringify(body).slice(0, 200)}`)
  await page.waitForSelector("text=Order placed", { timeout: 30_000 })
  return body.order.id
}

const email = `walk-${Date.now()}@fission.test`
try {
  step = "referral link"
  await page.goto(`${store}/?ref=${referral.code}`)
  await settle()
  await shot("1-referral-link")
  done(`opened alice's referral link (?ref=${referral.code})`)

  step = "register"
  await page.goto(`${store}/register`)
  await settle()
  await page.fill('label:has-text("Last name") input', "Walk")
  await page.fill('label:has-text("First name") input', "Shopper")
  await page.fill('input[type="email"]', email)
  await page.fill('input[type="password"]', "walk-password")
  loggedIn = true
  await page.click("form button.btn")
  await page.waitForURL((u) => !u.pathname.startsWith("/register"))
  await settle()
  await shot("2-registered")
  const me = (await json("GET", "/store/customers/me", storeHeaders(await token()))).customer
  done(`registered ${email} (${me.id})`)

  step = "buy"
  const before = await pointsRow()
  await page.goto(`${store}/products`)
  await settle()
  await page.click("a.product:has-text('899')")
  await settle()
  await page.click("text=Add to cart")
  await page.waitForSelector(".state.notice")
  await page.goto(`${store}/cart`)
  await settle()
  await page.click("text=Checkout")
  await settle()
  const orderId = await checkout()
  await shot("3-order-placed")
  done(`bought the 899 package: ${orderId}`)
  const bound = (await json("GET", "/store/fission/referral", storeHeaders(await token()))).referral
  const aliceNow = (await json("GET", "/store/fission/referral", storeHeaders(aliceToken))).referral
  if (!bound.referrer || aliceNow.counts.level1 !== referral.counts.level1 + 1) {
    problems.push(`referral: the new shopper is not alice's (referrer ${JSON.stringify(bound.referrer)}, alice's level 1: ${referral.counts.level1} → ${aliceNow.counts.level1})`)
  } else done(`bound to alice through the link (her level 1: ${referral.counts.level1} → ${aliceNow.counts.level1})`)

  step = "wallet"
  await capture(orderId)
  const after = await until(async () => {
    const row = await pointsRow()
    return row !== before ? row : null
  }, "the wallet's points to change after the order was paid")
  await shot("4-wallet")
  done(`wallet points: "${before}" → "${after}"`)

  step = "check in"
  await page.goto(`${store}/membership`)
  await settle()
  await page.click("button:has-text('Check in')")
  await page.waitForSelector(".state.notice")
  await settle()
  await shot("5-checked-in")
  done("checked in today")

  step = "join a group"
  await page.goto(`${store}/group-draws`)
  await settle()
  await page.locator("a.card.link").first().click()
  await settle()
  await page.locator("button:has-text('Join')").first().click()
  await page.waitForURL("**/checkout?cart=**")
  await settle()
  const seatOrder = await checkout()
  await capture(seatOrder)
  const mine = await until(async () => {
    const { groups } = await json("GET", "/store/fission/my/groups", storeHeaders(await token()))
    return groups?.[0] ?? null
  }, "the new shopper's seat in a group")
  await page.goto(`${store}/group-draws`)
  await settle()
  await shot("6-joined-group")
  done(`joined group ${mine.id} with order ${seatOrder}`)
} catch (e) {
  problems.push(`${step}: ${e.message.split("\n")[0]}`)
  await shot("failure").catch(() => {})
}
await browser.close()
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`)
  process.exit(1)
}
log(`shopper walk: OK (screenshots in ${path.relative(ROOT, shots)})`)
