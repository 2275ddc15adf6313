// A burst of buyers on the cluster: every buyer's cart is prepared first, then all of them
// at once complete it and get their payment captured by the admin (paid = captured, SPEC
// §0.3). Every request goes to the next server (the cluster client alternates them). A
// completion or capture refused with 429 (a lock wait ran out), 503 (database connection
// lost) or any 5xx is retried like a storefront would; every answer's status is counted.
import { performance } from "node:perf_hooks"
import { latencySummary, prepareCart } from "../lib/checkout.mjs"
import { machineBusy } from "../lib/machine.mjs"
import { groupCpuMs } from "../lib/machine.mjs"
import { sleep } from "../lib/runner.mjs"
import { pool } from "../group-draw/buyers.mjs"

const round = (n) => Math.round(n * 100) / 100
const retryable = (status) => status === 0 || status === 429 || status >= 500

/** One request with storefront retries: `{ r, statuses }`, r the last answer (status 0: no answer). */
async function withRetries(client, attempts, method, path, headers, body) {
  const statuses = []
  for (let attempt = 1; ; attempt++) {
    let r
    try {
      r = await client.request(method, path, headers, body)
    } catch (e) {
      r = { status: 0, data: String(e?.message ?? e) }
    }
    statuses.push(r.status)
    if (!retryable(r.status) || attempt >= attempts) return { r, statuses }
    // Retry-After of the 429 is 2 s; a growing pause with jitter spreads the retries
    await sleep(1000 * attempt + Math.random() * 1000)
  }
}

const failure = (what, r) => `${what} → ${r.status}: ${(typeof r.data === "string" ? r.data : JSON.stringify(r.data)).slice(0, 200)}`

/** Completes `cartId` and captures the order's payments; latencies, attempts and every status seen. */
export async function completeAndCapture({ client, headers, adminHeaders, cartId, attempts }) {
  const t0 = performance.now()
  const complete = await withRetries(client, attempts, "POST", `/store/carts/${cartId}/complete`, headers, {})
  const statuses = [...complete.statuses]
  if (complete.r.status !== 200 || complete.r.data?.type !== "order") return { ok: false, statuses, error: failure("complete", complete.r) }
  const order_id = complete.r.data.order.id
  const t1 = performance.now()
  const read = await withRetries(client, attempts, "GET", `/admin/orders/${order_id}?fields=id,*payment_collections.payments`, adminHeaders)
  statuses.push(...read.statuses)
  if (read.r.status !== 200) return { ok: false, order_id, statuses, error: failure("order", read.r) }
  for (const pc of read.r.data.order.payment_collections) {
    for (const p of pc.payments) {
      if (p.captured_at) continue
      const cap = await withRetries(client, attempts, "POST", `/admin/payments/${p.id}/capture`, adminHeaders, {})
      statuses.push(...cap.statuses)
      if (cap.r.status !== 200) return { ok: false, order_id, statuses, error: failure("capture", cap.r) }
    }
  }
  const t2 = performance.now()
  return { ok: true, order_id, statuses, complete_attempts: complete.statuses.length, complete_ms: t1 - t0, capture_ms: t2 - t1, total_ms: t2 - t0 }
}

/** Carts of `items(shopper)` for every shopper, `concurrency` at a time, each cart's calls on the next server. */
export async function prepareCarts({ client, store, shoppers, items, concurrency }) {
  return pool(shoppers, concurrency, (s) => prepareCart(client.next(), client.shopper(s.token), { region_id: store.region_id }, items(s)))
}

/** CPU of each process (its process group) over a phase: `const done = processesCpu(procs); …; done(wallMs)`. */
export function processesCpu(procs) {
  const before = procs.map((p) => groupCpuMs(p.pid))
  const busy = machineBusy()
  return (wallMs) => ({
    machine_busy_pct: busy(),
    pct_of_one_core: Object.fromEntries(procs.map((p, i) => [p.name, Math.round(((groupCpuMs(p.pid) - before[i]) / wallMs) * 100)])),
  })
}

/**
 * All `shoppers` at once complete their prepared `carts` and get captured. Returns the
 * figures: paid, paid per second over the burst (first request → last capture), latency per
 * buyer, every HTTP status seen (5xx counted apart), CPU of every process.
 */
export async function burst({ client, store, adminHeaders, shoppers, carts, attempts, processes }) {
  const cpu = processesCpu(processes)
  const t0 = performance.now()
  const results = await Promise.all(
    shoppers.map((s, i) => completeAndCapture({ client, headers: client.shopper(s.token), adminHeaders, cartId: carts[i], attempts }))
  )
  const seconds = (performance.now() - t0) / 1000
  const good = results.filter((r) => r.ok)
  const statuses = {}
  for (const r of results) for (const s of r.statuses) statuses[s] = (statuses[s] ?? 0) + 1
  const count = (pred) => Object.entries(statuses).reduce((n, [s, k]) => n + (pred(Number(s)) ? k : 0), 0)
  return {
    buyers: shoppers.length,
    paid: good.length,
    failed: results.length - good.length,
    first_failure: results.find((r) => !r.ok)?.error ?? null,
    order_ids: good.map((r) => r.order_id),
    seconds: round(seconds),
    paid_per_s: round(good.length / seconds),
    paid_first_attempt: good.filter((r) => r.complete_attempts === 1).length,
    statuses,
    http_5xx: count((s) => s >= 500),
    http_429: count((s) => s === 429),
    no_answer: count((s) => s === 0),
    complete_plus_capture: latencySummary(good.map((r) => r.total_ms)),
    complete_cart: latencySummary(good.map((r) => r.complete_ms)),
    capture: latencySummary(good.map((r) => r.capture_ms)),
    cpu: cpu(seconds * 1000),
  }
}
