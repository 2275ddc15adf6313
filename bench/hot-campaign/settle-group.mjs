// (c) Settlement of one large group on the cluster: N − 1 members buy and are captured
// (setup, timed apart), then the last member's capture fills the group; a worker draws it,
// announces the losers' refund requests in batches and pays the rewards, and both workers
// refund. Measured: last capture → every loser `refunded`, → group `completed`, each
// process's CPU meanwhile, and Medusa's own view of every loser's order (canceled, refunded
// in full, exactly one refund).
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { createCampaign, openGroup, pool, prepareSeatCart, waitUntil } from "../group-draw/buyers.mjs"
import { refundCheck } from "../group-draw/draw-to-refunds.mjs"
import { completeAndCapture, processesCpu } from "./burst.mjs"

const round = (n) => Math.round(n * 100) / 100

export async function settleLargeGroup({ client, url, store, adminHeaders, shoppers, size, concurrency, attempts, processes, log }) {
  const base = client.next()
  const campaign = await createCampaign(base, adminHeaders, store, { group_size: size, winners: 1, loser_reward: "10" })
  const groupId = await openGroup(base, store, shoppers[0], campaign.id)
  const pay = async (s) => {
    const cartId = await prepareSeatCart(client.next(), store, s, campaign.id, groupId)
    const r = await completeAndCapture({ client, headers: client.shopper(s.token), adminHeaders, cartId, attempts })
    if (!r.ok) throw new Error(`setup member ${s.customer_id}: ${r.error}`)
    return r
  }
  log(`  (c) N = ${size}: ${size - 1} members buy and are captured, ${concurrency} at a time…`)
  const tSetup = performance.now()
  await pool(shoppers.slice(0, size - 1), concurrency, pay)
  await waitUntil(url, `SELECT seats_taken FROM group_draw_group WHERE id = $1`, [groupId], ([g]) => g.seats_taken === size - 1, { everyMs: 200 })
  const setup_s = (performance.now() - tSetup) / 1000

  const last = shoppers[size - 1]
  const cartId = await prepareSeatCart(client.next(), store, last, campaign.id, groupId)
  const done = await client.ok("POST", `/store/carts/${cartId}/complete`, client.shopper(last.token), {})
  const orderId = done.order.id
  const { order } = await client.ok("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, adminHeaders)
  const paymentId = order.payment_collections[0].payments[0].id
  log(`  (c) the last member's capture fills the group; waiting for ${size - 1} refunds…`)
  const cpu = processesCpu(processes)
  const t0 = performance.now()
  await client.ok("POST", `/admin/payments/${paymentId}/capture`, adminHeaders, {})
  const captured = performance.now()
  const losers = size - 1 // K = 1
  await waitUntil(
    url,
    `SELECT COUNT(*)::int AS n FROM group_draw_member WHERE group_id = $1 AND status = 'refunded' AND deleted_at IS NULL`,
    [groupId],
    ([r]) => r.n === losers,
    { everyMs: 50, timeoutMs: 1_800_000 }
  )
  const refunded = performance.now()
  const cpuUntilRefunded = cpu(refunded - captured)
  await waitUntil(url, `SELECT status FROM group_draw_group WHERE id = $1`, [groupId], ([g]) => g.status === "completed", { everyMs: 50, timeoutMs: 600_000 })
  const completed = performance.now()

  // the database's clock: where the time went
  const [phases] = await query(
    url,
    `SELECT EXTRACT(EPOCH FROM (g.drawn_at - s.seated_at)) * 1000 AS seat_to_drawn_ms,
            EXTRACT(EPOCH FROM (r.first_refund_at - g.drawn_at)) * 1000 AS drawn_to_first_refund_ms,
            EXTRACT(EPOCH FROM (r.last_refund_at - g.drawn_at)) * 1000 AS drawn_to_last_refund_ms,
            EXTRACT(EPOCH FROM (g.completed_at - r.last_refund_at)) * 1000 AS last_refund_to_completed_ms
       FROM group_draw_group g,
            (SELECT MAX(created_at) AS seated_at FROM group_draw_member WHERE group_id = $1) s,
            (SELECT MIN(succeeded_at) AS first_refund_at, MAX(succeeded_at) AS last_refund_at FROM fission_refund_request
              WHERE source_type = 'group_draw.group' AND source_id = $1 AND status = 'succeeded') r
      WHERE g.id = $1`,
    [groupId]
  )
  const check = await refundCheck(url, groupId)
  // exactly one refund per loser (Medusa's refund rows), and one refund request per loser, each attempted once
  const [once] = await query(
    url,
    `SELECT (SELECT COUNT(*) FROM (SELECT opc.order_id FROM group_draw_member m
               JOIN order_payment_collection opc ON opc.order_id = m.order_id AND opc.deleted_at IS NULL
               JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
               JOIN refund rf ON rf.payment_id = p.id AND rf.deleted_at IS NULL
              WHERE m.group_id = $1 AND m.deleted_at IS NULL GROUP BY opc.order_id HAVING COUNT(rf.id) <> 1) x)::int AS orders_not_refunded_once,
            (SELECT COUNT(*) FROM fission_refund_request WHERE source_type = 'group_draw.group' AND source_id = $1 AND deleted_at IS NULL)::int AS refund_requests,
            (SELECT COALESCE(MAX(attempts), 0) FROM fission_refund_request WHERE source_type = 'group_draw.group' AND source_id = $1 AND deleted_at IS NULL)::int AS max_attempts`,
    [groupId]
  )
  const good =
    check.losers === losers &&
    check.canceled === losers &&
    check.refunded_in_full === losers &&
    once.orders_not_refunded_once === 0 &&
    once.refund_requests === losers
  const result = {
    size,
    winners: 1,
    losers,
    setup: { members: size - 1, concurrency, seconds: round(setup_s), members_per_s: round((size - 1) / setup_s) },
    capture_request_ms: round(captured - t0),
    captured_to_all_refunds_ms: round(refunded - captured),
    captured_to_completed_ms: round(completed - captured),
    refunds_per_s: round(losers / ((refunded - captured) / 1000)),
    cpu_until_all_refunds: cpuUntilRefunded,
    phases_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(Number(v))])),
    medusa_check: { ...check, ...once, ok: good },
  }
  log(`  (c) N = ${size}: all ${losers} refunds ${result.captured_to_all_refunds_ms} ms after the capture; ${good ? "every loser canceled and refunded once, in full" : "REFUND CHECK FAILED"}`)
  return result
}
