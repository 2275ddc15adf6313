// After a campaign burst: wait (by state, not time) until the workers have seated every paid
// order and settled every full group, then check the seat invariants in PostgreSQL: no group
// above N paid members, members = seats_taken, every paid order seated exactly once, no seat
// without a paid order.
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { waitUntil } from "../group-draw/buyers.mjs"

const round = (n) => Math.round(n * 100) / 100

export async function seatsAfterBurst({ url, campaignId, orderIds, timeoutMs = 900_000 }) {
  const t = performance.now()
  await waitUntil(
    url,
    `SELECT (SELECT COUNT(*) FROM group_draw_member WHERE order_id = ANY($1) AND deleted_at IS NULL)::int AS seated`,
    [orderIds],
    ([r]) => r.seated >= orderIds.length,
    { everyMs: 200, timeoutMs }
  )
  const seated_s = (performance.now() - t) / 1000
  // settled: no group waiting for its draw or rewards, and every refunding one has a failed refund (left to core's retries)
  await waitUntil(
    url,
    `SELECT COUNT(*)::int AS busy FROM group_draw_group g
      WHERE g.campaign_id = $1 AND g.deleted_at IS NULL
        AND (g.status IN ('full', 'drawn')
             OR (g.status = 'refunding' AND NOT EXISTS (SELECT 1 FROM fission_refund_request r
                   WHERE r.source_type = 'group_draw.group' AND r.source_id = g.id AND r.status = 'failed' AND r.deleted_at IS NULL)))`,
    [campaignId],
    ([r]) => r.busy === 0,
    { everyMs: 200, timeoutMs }
  )
  const settled_s = (performance.now() - t) / 1000
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
    [orderIds, campaignId]
  )
  const ok =
    inv.groups_over_n === 0 &&
    inv.groups_count_mismatch === 0 &&
    inv.orders_seated_twice === 0 &&
    inv.orders_seated === orderIds.length &&
    inv.seats_without_paid_order === 0
  return { after_burst_s: { all_seated: round(seated_s), all_settled: round(settled_s) }, invariants: { ...inv, ok } }
}
