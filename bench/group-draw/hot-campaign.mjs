// One hot campaign (SPEC §4.2): `buyers` shoppers with ready carts (campaign item, any
// open group) complete and get captured all at once. Measures completions + captures per
// second and per-buyer latency, then waits for every seat, draw and refund to finish in
// the server and checks the invariants: no group above N paid members, every paid order
// seated exactly once, no seat without a paid order.
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { call, latencySummary } from "../lib/checkout.mjs"
import { serverCpu } from "../lib/machine.mjs"
import { createCampaign, payForSeat, pool, prepareSeatCart, waitUntil } from "./buyers.mjs"

const round = (n) => Math.round(n * 100) / 100

export async function hotCampaign({ server, base, url, store, adminHeaders, buyers, size, winners, concurrency, attempts, inventory, log }) {
  if (inventory === "unmanaged") {
    const tea = store.products["tea-gift-box"]
    await call(base, "POST", `/admin/products/${tea.product_id}/variants/${tea.variant_id}`, adminHeaders, { manage_inventory: false })
  }
  const campaign = await createCampaign(base, adminHeaders, store, { group_size: size, winners, loser_reward: "10" })
  const shoppers = store.shoppers.slice(0, buyers)
  log(`  preparing ${buyers} carts (${concurrency} at a time)…`)
  const tPrep = performance.now()
  const carts = await pool(shoppers, concurrency, (s) => prepareSeatCart(base, store, s, campaign.id, null))
  const prepare_s = (performance.now() - tPrep) / 1000

  log(`  ${buyers} buyers complete and pay at once (campaign N = ${size}, K = ${winners})…`)
  const cpu = serverCpu(server)
  const t0 = performance.now()
  const paid = await Promise.all(
    shoppers.map((s, i) =>
      payForSeat(base, store, s, carts[i], adminHeaders, { attempts }).then(
        (r) => ({ ok: true, ...r }),
        (e) => ({ ok: false, error: String(e.message).slice(0, 200) })
      )
    )
  )
  const burst_s = (performance.now() - t0) / 1000
  const burstCpu = cpu(burst_s * 1000)
  const good = paid.filter((p) => p.ok)
  const orderIds = good.map((p) => p.order_id)

  // every paid order seated; every full group drawn and settled (or a refund failure recorded)
  const tSettle = performance.now()
  await waitUntil(
    url,
    `SELECT (SELECT COUNT(*) FROM group_draw_member WHERE order_id = ANY($1) AND deleted_at IS NULL)::int AS seated,
            (SELECT COUNT(*) FROM group_draw_group WHERE campaign_id = $2 AND status IN ('full', 'drawn') AND deleted_at IS NULL)::int AS busy`,
    [orderIds, campaign.id],
    ([r]) => r.seated >= orderIds.length && r.busy === 0,
    { everyMs: 100 }
  )
  const settle_s = (performance.now() - tSettle) / 1000

  const [inv] = await query(
    url,
    `WITH g AS (
       SELECT g.id, g.size, g.seats_taken, g.status, COUNT(m.id)::int AS members
         FROM group_draw_group g LEFT JOIN group_draw_member m ON m.group_id = g.id AND m.deleted_at IS NULL
        WHERE g.campaign_id = $2 AND g.deleted_at IS NULL GROUP BY g.id)
     SELECT (SELECT COUNT(*) FROM g)::int AS groups,
            (SELECT COUNT(*) FROM g WHERE status = 'completed')::int AS completed_groups,
            (SELECT COUNT(*) FROM g WHERE status = 'refunding')::int AS refunding_groups,
            (SELECT COUNT(*) FROM g WHERE members > size OR seats_taken > size)::int AS groups_over_n,
            (SELECT COUNT(*) FROM g WHERE members <> seats_taken)::int AS groups_count_mismatch,
            (SELECT MAX(members) FROM g)::int AS max_members,
            (SELECT COUNT(*) FROM (SELECT order_id FROM group_draw_member WHERE order_id = ANY($1) AND deleted_at IS NULL
                                    GROUP BY order_id HAVING COUNT(*) <> 1) x)::int AS orders_seated_twice,
            (SELECT COUNT(DISTINCT order_id) FROM group_draw_member WHERE order_id = ANY($1) AND deleted_at IS NULL)::int AS orders_seated,
            (SELECT COUNT(*) FROM group_draw_member WHERE campaign_id = $2 AND deleted_at IS NULL AND NOT (order_id = ANY($1)))::int AS seats_without_paid_order,
            (SELECT COUNT(*) FROM fission_refund_request WHERE source_type = 'group_draw.group' AND source_id IN (SELECT id FROM g)
               AND status = 'failed' AND deleted_at IS NULL)::int AS refund_failures`,
    [orderIds, campaign.id]
  )
  const ok =
    good.length === buyers &&
    inv.groups_over_n === 0 &&
    inv.groups_count_mismatch === 0 &&
    inv.orders_seated_twice === 0 &&
    inv.orders_seated === orderIds.length &&
    inv.seats_without_paid_order === 0
  const result = {
    buyers,
    inventory,
    size,
    winners,
    prepare: { seconds: round(prepare_s), concurrency },
    burst: {
      paid: good.length,
      failed: paid.length - good.length,
      first_error: paid.find((p) => !p.ok)?.error ?? null,
      max_attempts: attempts,
      paid_first_attempt: good.filter((p) => p.attempts === 1).length,
      retried_completions: good.reduce((n, p) => n + p.attempts - 1, 0),
      first_retry_reason: good.find((p) => p.errors.length)?.errors[0] ?? null,
      seconds: round(burst_s),
      paid_per_s: round(good.length / burst_s),
      cpu: burstCpu,
      complete_plus_capture: latencySummary(good.map((p) => p.total_ms)),
      complete_cart: latencySummary(good.map((p) => p.complete_ms)),
      capture: latencySummary(good.map((p) => p.capture_ms)),
    },
    background: { seconds_after_burst_until_all_seated_and_settled: round(settle_s) },
    invariants: { ...inv, ok },
  }
  log(`  ${good.length}/${buyers} paid in ${result.burst.seconds} s (${result.burst.paid_per_s}/s); ${inv.groups} groups, max ${inv.max_members} members; invariants ${ok ? "ok" : "VIOLATED"}`)
  return result
}
