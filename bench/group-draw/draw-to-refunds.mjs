// SPEC §4.3 at size N: the time from the N-th member's payment being captured to every
// loser's order canceled and refunded (and, separately, to the group completed: rewards
// paid). The N − 1 earlier members buy and are captured first, `concurrency` at a time
// (setup, timed apart). Everything runs in the server: payment.captured → seat → draw
// → settle (cancelOrderWorkflow per loser, store-credit rewards).
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { captureOrder, completeCart } from "../lib/checkout.mjs"
import { serverCpu } from "../lib/machine.mjs"
import { createCampaign, headersOf, openGroup, payForSeat, pool, prepareSeatCart, waitUntil } from "./buyers.mjs"

const round = (n) => Math.round(n * 100) / 100

/** Losers' orders as Medusa sees them: canceled, and refunds equal to what was captured. */
export async function refundCheck(url, groupId) {
  const [r] = await query(
    url,
    `WITH losers AS (
       SELECT m.order_id FROM group_draw_member m WHERE m.group_id = $1 AND m.status IN ('lost', 'refunded') AND m.deleted_at IS NULL),
     money AS (
       SELECT l.order_id, o.status,
              (SELECT COALESCE(SUM(p.amount), 0) FROM order_payment_collection opc JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
                WHERE opc.order_id = l.order_id AND p.captured_at IS NOT NULL AND opc.deleted_at IS NULL) AS captured,
              (SELECT COALESCE(SUM(rf.amount), 0) FROM order_payment_collection opc JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
                 JOIN refund rf ON rf.payment_id = p.id AND rf.deleted_at IS NULL
                WHERE opc.order_id = l.order_id AND opc.deleted_at IS NULL) AS refunded
         FROM losers l JOIN "order" o ON o.id = l.order_id)
     SELECT COUNT(*)::int AS losers,
            COUNT(*) FILTER (WHERE status = 'canceled')::int AS canceled,
            COUNT(*) FILTER (WHERE refunded = captured AND captured > 0)::int AS refunded_in_full
       FROM money`,
    [groupId]
  )
  return r
}

export async function drawToRefunds({ server, base, url, store, adminHeaders, size, winners, concurrency, log }) {
  const campaign = await createCampaign(base, adminHeaders, store, { group_size: size, winners, loser_reward: "10" })
  const shoppers = store.shoppers.slice(0, size)
  if (shoppers.length < size) throw new Error(`need ${size} shoppers, have ${shoppers.length}`)
  const groupId = await openGroup(base, store, shoppers[0], campaign.id)

  log(`  N = ${size}, K = ${winners}: ${size - 1} members buy and are captured, ${concurrency} at a time…`)
  const tSetup = performance.now()
  await pool(shoppers.slice(0, size - 1), concurrency, async (s) => {
    const cartId = await prepareSeatCart(base, store, s, campaign.id, groupId)
    await payForSeat(base, store, s, cartId, adminHeaders)
  })
  await waitUntil(url, `SELECT seats_taken FROM group_draw_group WHERE id = $1`, [groupId], ([g]) => g.seats_taken === size - 1)
  const setup_s = (performance.now() - tSetup) / 1000

  const last = shoppers[size - 1]
  const orderId = await completeCart(base, headersOf(store, last), await prepareSeatCart(base, store, last, campaign.id, groupId))
  const cpu = serverCpu(server)
  const t0 = performance.now()
  await captureOrder(base, adminHeaders, orderId)
  const captured = performance.now()
  const losers = size - winners
  await waitUntil(
    url,
    `SELECT COUNT(*)::int AS n FROM group_draw_member WHERE group_id = $1 AND status = 'refunded' AND deleted_at IS NULL`,
    [groupId],
    ([r]) => r.n === losers,
    { everyMs: 10 }
  )
  const refunded = performance.now()
  const cpuUntilRefunded = cpu(refunded - t0)
  await waitUntil(url, `SELECT status FROM group_draw_group WHERE id = $1`, [groupId], ([g]) => g.status === "completed", { everyMs: 10 })
  const completed = performance.now()

  // where the time went, from the database's own clock
  const [phases] = await query(
    url,
    `SELECT EXTRACT(EPOCH FROM (g.drawn_at - s.seated_at)) * 1000 AS seat_to_drawn_ms,
            EXTRACT(EPOCH FROM (r.last_refund_at - g.drawn_at)) * 1000 AS drawn_to_last_refund_ms,
            EXTRACT(EPOCH FROM (g.completed_at - r.last_refund_at)) * 1000 AS last_refund_to_completed_ms
       FROM group_draw_group g,
            (SELECT MAX(created_at) AS seated_at FROM group_draw_member WHERE group_id = $1) s,
            (SELECT MAX(succeeded_at) AS last_refund_at FROM fission_refund_request
              WHERE source_type = 'group_draw.group' AND source_id = $1 AND status = 'succeeded') r
      WHERE g.id = $1`,
    [groupId]
  )
  const check = await refundCheck(url, groupId)
  const ok = check.losers === losers && check.canceled === losers && check.refunded_in_full === losers
  const result = {
    size,
    winners,
    losers,
    setup: { members: size - 1, concurrency, seconds: round(setup_s), members_per_s: round((size - 1) / setup_s) },
    capture_request_ms: round(captured - t0),
    captured_to_all_refunds_ms: round(refunded - captured),
    captured_to_completed_ms: round(completed - captured),
    refunds_per_s: round(losers / ((refunded - captured) / 1000)),
    cpu_until_all_refunds: cpuUntilRefunded,
    phases_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(Number(v))])),
    medusa_check: { ...check, ok },
  }
  log(`  N = ${size}: all ${losers} refunds ${result.captured_to_all_refunds_ms} ms after the capture (setup ${result.setup.seconds} s); ${ok ? "orders canceled and refunded in full" : "REFUND CHECK FAILED"}`)
  return result
}
