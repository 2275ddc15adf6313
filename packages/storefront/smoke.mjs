/**
 * Headless-Chromium smoke test of the storefront against a running demo:
 *
 *   node packages/storefront/smoke.mjs [storefront-url] [--email alice@fission.local] [--password fission-demo] [--actions] [--order]
 *
 * Opens every page (public ones logged out, then logs in through the login form and opens the
 * customer pages), fails on a browser console error, an uncaught exception, a 5xx answer or an
 * error box on a page. `--actions` also pages the wallet history, checks in today and puts a
 * group-draw seat and a pre-sale line into carts of their own (not checked out). `--order` also places a real order through the checkout (product → cart →
 * address → shipping → system payment → complete). Screenshots in $TMPDIR/fission-storefront-smoke/.
 * Needs Chromium (`apt-get install chromium`) and playwright-core (a root devDependency).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : dflt
}
// the demo storefront: a URL argument, else STORE_URL (as the demo and the shopper walk take it)
const base = (args.find((a) => /^https?:/.test(a)) ?? process.env.STORE_URL ?? "http://localhost:8000").replace(/\/$/, "")
const email = opt("email", "alice@fission.local")
const password = opt("password", "fission-demo")
const placeOrder = args.includes("--order")
const shots = path.join(os.tmpdir(), "fission-storefront-smoke")
fs.mkdirSync(shots, { recursive: true })

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => fs.existsSync(p))
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] })
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN" })
page.setDefaultTimeout(15000)
const problems = []
let where = "start"
page.on("console", (m) => m.type() === "error" && problems.push(`${where}: console: ${m.text()}`))
page.on("pageerror", (e) => problems.push(`${where}: uncaught: ${e.message}`))
page.on("response", (r) => r.status() >= 500 && problems.push(`${where}: ${r.status()} ${r.request().method()} ${r.url()}`))

async function settle() {
  await page.waitForLoadState("networkidle", { timeout: 15000 }).catch(() => {})
  await page.waitForFunction(() => !document.querySelector(".state.loading"), null, { timeout: 15000 }).catch(() => {})
}

async function visit(route, name = route) {
  where = route
  await page.goto(base + route)
  await settle()
  const errors = await page.$$eval(".state.error", (els) => els.map((e) => e.textContent?.trim()))
  for (const e of errors) problems.push(`${route}: error box: ${e}`)
  await page.screenshot({ path: path.join(shots, `${name.replace(/[^a-z0-9]+/gi, "_") || "home"}.png`), fullPage: true })
  console.log(`${errors.length ? "✘" : "✔"} ${route}`)
}

/** First link under `selector` on `route`, as a path. */
async function firstLink(route, selector) {
  await visit(route)
  const href = await page.$eval(selector, (a) => a.getAttribute("href")).catch(() => null)
  return href
}

for (const r of ["/", "/products", "/group-draws", "/presales", "/blind-boxes", "/cart", "/login", "/register"]) await visit(r)
const product = await firstLink("/products", "a.product")
if (product) await visit(product)
const campaign = await firstLink("/group-draws", "a.card.link")
if (campaign) await visit(campaign)
const presale = await firstLink("/presales", "a.card.link")
if (presale) await visit(presale)
await visit("/?ref=SMOKE123", "ref")
await page.click("button.lang")
await settle()

// log in through the form
where = "login"
await page.goto(`${base}/login?next=/account`)
await page.fill('input[type="email"]', email)
await page.fill('input[type="password"]', password)
await page.click("form button.btn")
await page.waitForURL("**/account", { timeout: 15000 }).catch(() => problems.push(`login: did not reach /account (${page.url()})`))
await settle()
console.log(`✔ logged in as ${email}`)

for (const r of ["/account", "/wallet", "/referral", "/rebates", "/membership", "/points-mall", "/group-draws", "/blind-boxes"]) await visit(r)
if (presale) await visit(presale, "presale-logged-in")
for (const tab of ["Team", "Commissions", "Withdraw", "Fission PK list"]) {
  where = `/referral ${tab}`
  await page.goto(`${base}/referral`)
  await settle()
  await page.click(`.tabs >> text=${tab}`).catch(() => problems.push(`referral: no tab ${tab}`))
  await settle()
  const errors = await page.$$eval(".state.error", (els) => els.map((e) => e.textContent?.trim()))
  for (const e of errors) problems.push(`${where}: error box: ${e}`)
  console.log(`${errors.length ? "✘" : "✔"} ${where}`)
}
const group = await firstLink("/group-draws", ".list a.grow")
if (group) await visit(group)

/** Clicks `button` on `route` and waits for `expect` (a selector, or a URL glob with "**"). */
async function act(route, button, expect) {
  where = `${route} [${button}]`
  await page.goto(base + route)
  await settle()
  try {
    await page.locator(button).first().click()
    if (expect.includes("**")) await page.waitForURL(expect)
    else await page.waitForSelector(expect)
    await settle()
    const errors = await page.$$eval(".state.error", (els) => els.map((e) => e.textContent?.trim()))
    for (const e of errors) problems.push(`${where}: error box: ${e}`)
    console.log(`${errors.length ? "✘" : "✔"} ${where} → ${expect.includes("**") ? page.url().replace(base, "") : expect}`)
  } catch (e) {
    problems.push(`${where}: ${e.message.split("\n")[0]}`)
    console.log(`✘ ${where}`)
  }
}

if (args.includes("--actions")) {
  // read-only or cheap actions: history paging, check-in, seat carts (not checked out)
  where = "/wallet [Load more]"
  await page.goto(`${base}/wallet`)
  await settle()
  const before = await page.locator(".list.compact li").count()
  if (await page.locator("text=Load more").count()) {
    await page.click("text=Load more")
    await settle()
    const after = await page.locator(".list.compact li").count()
    if (after <= before) problems.push(`${where}: ${before} → ${after} lines`)
    console.log(`${after > before ? "✔" : "✘"} ${where}: ${before} → ${after} lines`)
  } else console.log(`- ${where}: one page only`)
  // once a day per shopper: a second tour the same day finds the button done
  await page.goto(`${base}/membership`)
  await settle()
  if (await page.locator("button:has-text('Checked in today')").count()) console.log("- /membership [Check in]: already checked in today")
  else await act("/membership", "button:has-text('Check in')", ".state.notice, .state.error")
  if (campaign) await act(campaign, "button:has-text('Join')", "**/checkout?cart=**")
  if (presale) await act(presale, "button:has-text('Join at')", "**/checkout?cart=**")
}

if (placeOrder && product) {
  where = "order"
  await page.goto(base + product)
  await settle()
  await page.click("text=Add to cart")
  await page.waitForSelector(".state.notice", { timeout: 15000 })
  await page.goto(`${base}/cart`)
  await settle()
  await page.click("text=Checkout")
  await settle()
  const fill = async (label, value) => {
    const input = page.locator(`label:has-text("${label}") input`).first()
    if (!(await input.inputValue())) await input.fill(value)
  }
  await fill("Last name", "Smoke")
  await fill("First name", "Test")
  await fill("Address", "1 Fruit Road")
  await fill("City", "Ganzhou")
  await fill("Postal code", "341000")
  await page.click("text=Save address")
  await page.waitForSelector('input[name="shipping"]', { timeout: 15000 })
  await page.locator('input[name="shipping"]').first().click()
  await page.waitForSelector("text=Place order", { timeout: 15000 })
  await settle()
  await page.click("text=Place order")
  await page.waitForSelector("text=Order placed", { timeout: 30000 }).catch(() => problems.push("order: no confirmation"))
  await page.screenshot({ path: path.join(shots, "order.png"), fullPage: true })
  console.log(`✔ order placed: ${await page.locator("h2").first().textContent()}`)
}

await browser.close()
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`)
  process.exit(1)
}
console.log(`\nstorefront smoke: OK (screenshots in ${shots})`)
