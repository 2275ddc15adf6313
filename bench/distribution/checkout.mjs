// Checkout over HTTP against two Medusa servers at once (distribution plugin enabled
// vs disabled, same build, same database), for `npm run bench:distribution`.
import { spawn } from "node:child_process"
import fs from "node:fs"
import { performance } from "node:perf_hooks"
import { BIN, ROOT } from "../../scripts/lib/run.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

export function latencySummary(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
  return {
    count: sorted.length,
    p50_ms: round(at(50)),
    p90_ms: round(at(90)),
    p99_ms: round(at(99)),
    max_ms: round(sorted[sorted.length - 1]),
    mean_ms: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  }
}

/** `medusa start` from the repository root (plugins load from their builds); output goes to `logFile`. */
export async function startServer({ name, port, env, logFile }) {
  const out = fs.openSync(logFile, "w")
  const child = spawn(BIN("medusa"), ["start"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  })
  const base = `http://localhost:${port}`
  let exited = null
  child.on("exit", (code) => (exited = code ?? "signal"))
  const stop = async () => {
    if (exited !== null) return
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    for (let i = 0; i < 100 && exited === null; i++) await sleep(100)
    if (exited === null) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error(`${name} server exited (${exited}) before answering /health; see ${logFile}`)
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    if (i > 600) {
      await stop()
      throw new Error(`${name} server did not answer /health within 120 s; see ${logFile}`)
    }
    await sleep(200)
  }
  return { name, base, pid: child.pid, stop }
}

async function call(base, method, path, headers, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`)
  return text ? JSON.parse(text) : {}
}

export async function login(base, publishableKey, email, password) {
  const { token } = await call(base, "POST", "/auth/customer/emailpass", {}, { email, password })
  return { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey }
}

/** GET as the shopper; returns the status only (used to show which server has the plugin). */
export async function statusOf(base, path, headers) {
  const res = await fetch(base + path, { headers })
  await res.text()
  return res.status
}

const SHIPPING_ADDRESS = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "1 Fruit Road",
  city: "Ganzhou",
  country_code: "cn",
  postal_code: "341000",
  phone: "13800000000",
}

/**
 * The storefront checkout (as integration-tests/helpers/checkout.ts): cart → line item →
 * address → shipping options → shipping method → payment collection → payment session → complete.
 */
export async function checkout(base, headers, { region_id, variant_id }) {
  const t0 = performance.now()
  const { cart } = await call(base, "POST", "/store/carts", headers, { region_id })
  await call(base, "POST", `/store/carts/${cart.id}/line-items`, headers, { variant_id, quantity: 1 })
  await call(base, "POST", `/store/carts/${cart.id}`, headers, { shipping_address: SHIPPING_ADDRESS })
  const { shipping_options } = await call(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers)
  await call(base, "POST", `/store/carts/${cart.id}/shipping-methods`, headers, { option_id: shipping_options[0].id })
  const { payment_collection } = await call(base, "POST", "/store/payment-collections", headers, { cart_id: cart.id })
  await call(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, headers, {
    provider_id: "pp_system_default",
  })
  const t1 = performance.now()
  const done = await call(base, "POST", `/store/carts/${cart.id}/complete`, headers, {})
  const t2 = performance.now()
  if (done.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done.error)}`)
  return { order_id: done.order.id, flow_ms: t2 - t0, complete_ms: t2 - t1 }
}

/**
 * Alternates checkouts between the servers (which one goes first alternates too), so
 * drift in the machine's load hits both alike. After each checkout the runner waits
 * for the server's background work on that order (`settle(server, order_id)`, which
 * returns how long the commissions took to appear, or null), so it never overlaps the
 * next measurement on the other server.
 */
export async function sideBySide({ servers, shoppers, fixture, rounds, warmup, settle }) {
  const samples = Object.fromEntries(servers.map((s) => [s.name, { flow: [], complete: [], background: [] }]))
  for (let r = 0; r < warmup + rounds; r++) {
    const order = r % 2 ? [...servers].reverse() : servers
    for (const server of order) {
      const shopper = shoppers[(r * servers.length + servers.indexOf(server)) % shoppers.length]
      const result = await checkout(server.base, shopper.headers, fixture)
      const backgroundMs = await settle(server, result.order_id)
      if (r < warmup) continue
      samples[server.name].flow.push(result.flow_ms)
      samples[server.name].complete.push(result.complete_ms)
      if (backgroundMs !== null) samples[server.name].background.push(backgroundMs)
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        whole_checkout: latencySummary(s.flow),
        complete_cart: latencySummary(s.complete),
        ...(s.background.length ? { order_placed_to_commissions_recorded: latencySummary(s.background) } : {}),
      },
    ])
  )
}
