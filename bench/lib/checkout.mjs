// The storefront over HTTP against real `medusa start` servers: start/stop a server,
// log in, place and capture orders, and the side-by-side checkout comparison of a
// plugin enabled vs disabled (same build, same database; `FISSION_DISABLE_PLUGINS`).
// Used by `npm run bench:distribution`, `bench:membership` and `bench:group-draw`.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { BIN, ROOT } from "../../scripts/lib/run.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** Nearest-rank percentiles of latency samples (ms). */
export function latencySummary(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
  return {
    count: sorted.length,
    p50_ms: round(at(50)),
    p90_ms: round(at(90)),
    p95_ms: round(at(95)),
    p99_ms: round(at(99)),
    max_ms: round(sorted[sorted.length - 1]),
    mean_ms: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  }
}

/** `medusa start` from the repository root (plugins load from their builds) or another app's `cwd`; output goes to `logFile`. */
export async function startServer({ name, port, env, logFile, cwd = ROOT, nodeArgs = [] }) {
  const out = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, [...nodeArgs, BIN("medusa"), "start"], {
    cwd,
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
  return { name, base, pid: child.pid, logFile, stop }
}

/** A JSON request; throws on a non-2xx answer with its status and body. */
export async function call(base, method, path, headers, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) {
    const error = new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`)
    error.status = res.status
    throw error
  }
  return text ? JSON.parse(text) : {}
}

/** Headers for a token (Store API when a publishable key is given). */
export const bearer = (token, publishableKey) => ({
  authorization: `Bearer ${token}`,
  ...(publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
})

/** Logs a customer in (`/auth/customer/emailpass`); returns Store API headers. */
export async function login(base, publishableKey, email, password) {
  const { token } = await call(base, "POST", "/auth/customer/emailpass", {}, { email, password })
  return bearer(token, publishableKey)
}

/** Logs an admin user in (`/auth/user/emailpass`); returns Admin API headers. */
export async function loginAdmin(base, email, password) {
  const { token } = await call(base, "POST", "/auth/user/emailpass", {}, { email, password })
  return bearer(token)
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
 * The storefront flow up to completion (as integration-tests/helpers/checkout.ts):
 * cart → line items → address → shipping options → shipping method → payment
 * collection → payment session (system provider). Returns the cart id.
 */
export async function prepareCart(base, headers, { region_id, variant_id }, items = [{ variant_id, quantity: 1 }], steps = null) {
  // `steps`, when given, collects each call's time (ms) by name: where the time of a checkout goes
  const timed = async (name, fn) => {
    const t = performance.now()
    const out = await fn()
    if (steps) steps[name] = (steps[name] ?? 0) + performance.now() - t
    return out
  }
  const { cart } = await timed("create_cart", () => call(base, "POST", "/store/carts", headers, { region_id }))
  for (const item of items) await timed("add_line_item", () => call(base, "POST", `/store/carts/${cart.id}/line-items`, headers, item))
  await timed("set_address", () => call(base, "POST", `/store/carts/${cart.id}`, headers, { shipping_address: SHIPPING_ADDRESS }))
  const { shipping_options } = await timed("shipping_options", () => call(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, headers))
  await timed("shipping_method", () =>
    call(base, "POST", `/store/carts/${cart.id}/shipping-methods`, headers, { option_id: shipping_options[0].id })
  )
  const { payment_collection } = await timed("payment_collection", () =>
    call(base, "POST", "/store/payment-collections", headers, { cart_id: cart.id })
  )
  await timed("payment_session", () =>
    call(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, headers, {
      provider_id: "pp_system_default",
    })
  )
  return cart.id
}

/** Completes a prepared cart; returns the order id. */
export async function completeCart(base, headers, cartId) {
  const done = await call(base, "POST", `/store/carts/${cartId}/complete`, headers, {})
  if (done.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(done.error)}`)
  return done.order.id
}

/** Captures every uncaptured payment of an order as the admin does ("paid", SPEC §0.3). */
export async function captureOrder(base, adminHeaders, orderId) {
  const { order } = await call(base, "GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, adminHeaders)
  for (const collection of order.payment_collections) {
    for (const payment of collection.payments) {
      if (!payment.captured_at) await call(base, "POST", `/admin/payments/${payment.id}/capture`, adminHeaders, {})
    }
  }
}

/** The whole storefront checkout, timed: the flow and the complete-cart request alone. */
export async function checkout(base, headers, fixture, items) {
  const steps = {}
  const t0 = performance.now()
  const cartId = await prepareCart(base, headers, fixture, items, steps)
  const t1 = performance.now()
  const order_id = await completeCart(base, headers, cartId)
  const t2 = performance.now()
  return { order_id, flow_ms: t2 - t0, complete_ms: t2 - t1, steps }
}

/**
 * Alternates checkouts between the servers (which one goes first alternates too), so
 * drift in the machine's load hits both alike. After each checkout `settle(server,
 * order_id)` waits for the server's background work on that order and returns
 * `{ capture_ms?, background_ms? }` (or nothing), so it never overlaps the next
 * measurement on the other server.
 */
export async function sideBySide({ servers, shoppers, fixture, rounds, warmup, settle }) {
  const samples = Object.fromEntries(servers.map((s) => [s.name, { flow: [], complete: [], capture: [], background: [], steps: {} }]))
  for (let r = 0; r < warmup + rounds; r++) {
    const order = r % 2 ? [...servers].reverse() : servers
    for (const server of order) {
      // servers on their own databases bring their own fixture and shoppers
      const people = server.shoppers ?? shoppers
      const shopper = people[(r * servers.length + servers.indexOf(server)) % people.length]
      const result = await checkout(server.base, shopper.headers, server.fixture ?? fixture)
      const after = (await settle(server, result.order_id)) ?? {}
      if (r < warmup) continue
      const s = samples[server.name]
      s.flow.push(result.flow_ms)
      s.complete.push(result.complete_ms)
      for (const [step, ms] of Object.entries(result.steps)) (s.steps[step] ??= []).push(ms)
      if (after.capture_ms != null) s.capture.push(after.capture_ms)
      if (after.background_ms != null) s.background.push(after.background_ms)
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        whole_checkout: latencySummary(s.flow),
        complete_cart: latencySummary(s.complete),
        steps_p50_ms: Object.fromEntries(Object.entries(s.steps).map(([step, ms]) => [step, latencySummary(ms).p50_ms])),
        ...(s.capture.length ? { capture: latencySummary(s.capture) } : {}),
        ...(s.background.length ? { background_work: latencySummary(s.background) } : {}),
      },
    ])
  )
}

/**
 * Checkout with `plugin` enabled vs disabled: two `medusa start` servers from the same
 * build on the same database, the second with `FISSION_DISABLE_PLUGINS=<plugin>`.
 * `probe` is a store route of the plugin that must answer 200 on the first server and
 * 404 on the second. Shoppers come with a `token`, or `{ email }` log in with
 * `store.password` (same JWT secret on both servers, so one login serves both). `settle(server, order_id, ctx)` runs after
 * every checkout (ctx has the admin headers when `store.admin` is given).
 */
export async function compareCheckout({ plugin, env, ports, store, probe, rounds, warmup, settle, log }) {
  const logFile = (side) => path.join(os.tmpdir(), `fission-bench-${plugin}-${side}.log`)
  log(`starting two servers: ${plugin} enabled (:${ports.enabled}) and disabled (:${ports.disabled})…`)
  const servers = []
  try {
    servers.push(await startServer({ name: "enabled", port: ports.enabled, env, logFile: logFile("enabled") }))
    servers.push(
      await startServer({
        name: "disabled",
        port: ports.disabled,
        env: { ...env, FISSION_DISABLE_PLUGINS: plugin },
        logFile: logFile("disabled"),
      })
    )
    const base = servers[0].base
    const shoppers = []
    for (const s of store.shoppers) {
      const headers = s.token ? bearer(s.token, store.publishable_key) : await login(base, store.publishable_key, s.email, store.password)
      shoppers.push({ ...s, headers })
    }
    const ctx = { admin: store.admin ? await loginAdmin(base, store.admin.email, store.password) : null }
    const plugin_route_status = {
      enabled: await statusOf(servers[0].base, probe, shoppers[0].headers),
      disabled: await statusOf(servers[1].base, probe, shoppers[0].headers),
    }
    if (plugin_route_status.enabled !== 200 || plugin_route_status.disabled !== 404) {
      throw new Error(`expected ${probe} on the enabled server only, got ${JSON.stringify(plugin_route_status)}`)
    }
    log(`${warmup} + ${rounds} checkouts on each server, interleaved…`)
    const figures = await sideBySide({
      servers,
      shoppers,
      fixture: store,
      rounds,
      warmup,
      settle: (server, orderId) => settle(server, orderId, ctx),
    })
    const ratio = (key, stat) =>
      figures.enabled[key] && figures.disabled[key] ? round(figures.enabled[key][stat] / figures.disabled[key][stat], 3) : null
    return {
      plugin_route_status,
      ...figures,
      ratio_enabled_vs_disabled: {
        whole_checkout_p50: ratio("whole_checkout", "p50_ms"),
        whole_checkout_mean: ratio("whole_checkout", "mean_ms"),
        whole_checkout_p99: ratio("whole_checkout", "p99_ms"),
        complete_cart_p50: ratio("complete_cart", "p50_ms"),
        complete_cart_p99: ratio("complete_cart", "p99_ms"),
        capture_p50: ratio("capture", "p50_ms"),
        target: "≤ 1.10 (p50 of the whole checkout)",
        target_met: ratio("whole_checkout", "p50_ms") <= 1.1,
      },
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}
