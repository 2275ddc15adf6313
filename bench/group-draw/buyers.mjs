// Group-draw buyers over the Store API (SPEC §4.2: joining is a real purchase): a cart
// with the campaign item (`metadata.group_draw_campaign_id`, optionally `group_id`),
// completed, then captured by the admin (paid = captured, SPEC §0.3).
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { bearer, call, captureOrder, completeCart, prepareCart } from "../lib/checkout.mjs"
import { sleep } from "../lib/runner.mjs"

export const headersOf = (store, shopper) => bearer(shopper.token, store.publishable_key)

/** Runs `fn` over `items` with at most `concurrency` in flight; results in input order. */
export async function pool(items, concurrency, fn) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i], i)
      }
    })
  )
  return results
}

/** Creates an active campaign on the tea gift box (99) through the Admin API. */
export async function createCampaign(base, adminHeaders, store, body) {
  const tea = store.products["tea-gift-box"]
  const { group_draw } = await call(base, "POST", "/admin/fission/group-draws", adminHeaders, {
    title: `Bench group draw ${body.group_size}/${body.winners}`,
    variant_id: tea.variant_id,
    price: tea.price,
    currency_code: "cny",
    status: "active",
    duration_hours: 24,
    ...body,
  })
  return group_draw
}

/** Opens a group of the campaign as `shopper`; returns its id. */
export async function openGroup(base, store, shopper, campaignId) {
  const { group } = await call(base, "POST", `/store/fission/group-draws/${campaignId}/groups`, headersOf(store, shopper), {})
  return group.id
}

/** A cart holding one seat of the campaign (in `groupId`, or any open group), ready to complete. */
export function prepareSeatCart(base, store, shopper, campaignId, groupId) {
  const tea = store.products["tea-gift-box"]
  const metadata = { group_draw_campaign_id: campaignId, ...(groupId ? { group_id: groupId } : {}), client_seed: `bench-${shopper.customer_id}` }
  return prepareCart(base, headersOf(store, shopper), { region_id: store.region_id }, [{ variant_id: tea.variant_id, quantity: 1, metadata }])
}

/**
 * Completes a seat cart and captures its payment; returns the order id, both latencies
 * and how many completion attempts it took. A 429 or 5xx on completion is retried like a
 * storefront would (up to `attempts`, with a growing pause): under a burst on one
 * variant Medusa's inventory reservation lock times out (see bench/README.md).
 */
export async function payForSeat(base, store, shopper, cartId, adminHeaders, { attempts = 1 } = {}) {
  const t0 = performance.now()
  let order_id = null
  let attempt = 0
  const errors = []
  while (!order_id) {
    attempt++
    try {
      order_id = await completeCart(base, headersOf(store, shopper), cartId)
    } catch (e) {
      // 429: the lock wait ran out (core answers it since the in-memory provider's timeout surfaced as a 500)
      if (!(e.status >= 500 || e.status === 429) || attempt >= attempts) throw e
      errors.push(String(e.message).slice(0, 160))
      await sleep(250 * attempt + Math.random() * 250)
    }
  }
  const t1 = performance.now()
  await captureOrder(base, adminHeaders, order_id)
  const t2 = performance.now()
  return { order_id, attempts: attempt, errors, complete_ms: t1 - t0, capture_ms: t2 - t1, total_ms: t2 - t0 }
}

/** Polls `sql` until `done(rows)`; returns the rows, or throws after `timeoutMs`. */
export async function waitUntil(url, sql, params, done, { timeoutMs = 600_000, everyMs = 20 } = {}) {
  const t = performance.now()
  for (;;) {
    const rows = await query(url, sql, params)
    if (done(rows)) return rows
    if (performance.now() - t > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${sql.slice(0, 120)}`)
    await sleep(everyMs)
  }
}
