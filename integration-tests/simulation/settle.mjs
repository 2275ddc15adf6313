// Waiting for the workers: events are handled asynchronously, so before the model
// predicts an answer that depends on them (a redemption needs the points posted) or
// compares totals, it polls for the state it expects, with a deadline — never a fixed
// wait. A deadline passed is itself a broken rule (an effect lost or applied twice).
import { query } from "../../scripts/lib/database.mjs"
import { totalCents } from "./expectations.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` until it returns a truthy value; null after `timeoutMs`. */
export async function until(probe, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) return null
    await sleep(intervalMs)
  }
}

/** The shopper's points in the wallet: { net: posted − debt, available } (integers). */
export async function pointsNow(ctx, who) {
  const r = await ctx.client.request("GET", "/store/fission/wallet", who.headers)
  if (r.status !== 200) throw new Error(`wallet → ${r.status}`)
  const b = r.data.wallet.balances.find((x) => x.asset === "points") ?? { posted: 0, available: 0, debt: 0 }
  return { net: BigInt(Math.round(b.posted - b.debt)), available: BigInt(Math.round(b.available)), pending: b.pending_in }
}

/**
 * Folds what the draws decided so far into the shopper's group orders: a loser's order is
 * canceled and refunded in full (SPEC §4.3). True when every one of them is decided for
 * now: won, refunded, or a paid seat in a group that is not full (a full group is being
 * drawn and settled by a worker).
 */
export async function refreshGroupOrders(ctx, who) {
  const joins = who.orders.filter((o) => o.group)
  if (!joins.length) return true
  const rows = await query(
    ctx.url,
    `SELECT m.order_id, m.status, m.group_id, g.seats_taken, g.size FROM group_draw_member m JOIN group_draw_group g ON g.id = m.group_id
      WHERE m.order_id = ANY($1) AND m.deleted_at IS NULL`,
    [joins.map((o) => o.id)]
  )
  let decided = rows.length === joins.length
  for (const r of rows) {
    const o = joins.find((x) => x.id === r.order_id)
    Object.assign(o.group, { group_id: r.group_id, status: r.status })
    if (r.status === "refunded") Object.assign(o, { canceled: true, refunded_cents: totalCents(o) })
    if (!(r.status === "won" || r.status === "refunded" || (r.status === "paid" && r.seats_taken < r.size))) decided = false
  }
  return decided
}

/** Each order's refunds in Medusa (cents), from the payments of its collections. */
export async function medusaRefunds(url, orderIds) {
  const rows = await query(
    url,
    `SELECT pc_o.order_id, COALESCE(SUM(r.amount), 0)::text AS refunded, COUNT(r.id)::int AS n
       FROM order_payment_collection pc_o
       JOIN payment p ON p.payment_collection_id = pc_o.payment_collection_id AND p.deleted_at IS NULL
       LEFT JOIN refund r ON r.payment_id = p.id AND r.deleted_at IS NULL
      WHERE pc_o.order_id = ANY($1) AND pc_o.deleted_at IS NULL GROUP BY 1`,
    [orderIds]
  )
  return new Map(rows.map((r) => [r.order_id, { cents: BigInt(Math.round(Number(r.refunded) * 100)), n: r.n }]))
}

/**
 * Folds the pre-sale's refunds so far into the shopper's pre-sale orders (when another lane's
 * capture crosses a threshold, every participant is refunded a step; a free order is refunded
 * its price): what Medusa refunded is read back, not predicted. True when every one is
 * numbered and none has a refund owed or in flight.
 */
export async function refreshPresaleOrders(ctx, who) {
  const joins = who.orders.filter((o) => o.presale && o.paid)
  if (!joins.length) return true
  const ids = joins.map((o) => o.id)
  const parts = await query(ctx.url, `SELECT order_id, refund_requested::text, refunded::text FROM presale_participant WHERE order_id = ANY($1) AND deleted_at IS NULL`, [ids])
  const [open] = await query(ctx.url, `SELECT COUNT(*)::int AS n FROM fission_refund_request WHERE order_id = ANY($1) AND status <> 'succeeded' AND deleted_at IS NULL`, [ids])
  const refunds = await medusaRefunds(ctx.url, ids)
  for (const o of joins) o.refunded_cents = refunds.get(o.id)?.cents ?? 0n
  return parts.length === joins.length && open.n === 0 && parts.every((p) => Number(p.refund_requested) === Number(p.refunded))
}

/** Waits until the wallet's points equal the model's; returns the available points. */
export async function waitForPoints(ctx, who) {
  let expected = null
  let last = null
  const ok = await until(async () => {
    const groups = await refreshGroupOrders(ctx, who)
    const presales = await refreshPresaleOrders(ctx, who)
    const decided = groups && presales
    expected = ctx.world.pointsOf(who)
    last = await pointsNow(ctx, who)
    return decided && last.net === expected
  }, ctx.settleMs)
  if (!ok) ctx.violation(`${who.email}: points ${last.net} (available ${last.available}) never reached the model's ${expected} within ${ctx.settleMs / 1000} s`)
  return last.available
}

/** Waits until the order's referral code bound the buyer (the placed event, on a worker). */
export async function waitForBinding(ctx, who, order) {
  const bound = await until(async () => {
    const r = await ctx.client.request("GET", "/store/fission/referral", who.headers)
    return r.status === 200 && r.data.referral.referrer ? r.data.referral : null
  }, ctx.settleMs)
  if (!bound) ctx.violation(`${who.email}: the referral code on ${order.id} never bound them within ${ctx.settleMs / 1000} s`)
}
