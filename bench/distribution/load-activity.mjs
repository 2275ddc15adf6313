// Monthly activity for the referral-directory benchmark (bench/run-referral-directory.mjs):
// paid commission_order rows of random members this month and in the two months before,
// with the statuses and partial refunds a live store has, so "active members per level in
// a period" (core's referral directory, answered by distribution) is measured over history
// it has to skip, not only over the period it counts.
import { bulkInsert, MEMBER_PREFIX } from "./load-forest.mjs"

/**
 * Inserts `monthOrders` orders paid this month (between the month's start and now) and
 * `historyOrders` spread over the two previous months, each by a uniformly random member
 * of `members`, amounts 10..1000. Then: about 11 % delivered, 10 % settled, 1 % canceled, and
 * 5 % partly refunded (0–100 % of the amount), as refunds and the lifecycle would leave them.
 */
export async function loadActivity(client, { members, monthOrders, historyOrders }) {
  const started = performance.now()
  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET maintenance_work_mem = '512MB'`)
  const insert = await bulkInsert(
    client,
    "commission_order",
    `INSERT INTO commission_order (id, order_id, buyer_id, currency_code, base_total, raw_base_total, status, paid_at)
     SELECT 'cord_act_' || k, 'order_act_' || k, '${MEMBER_PREFIX}' || b, 'cny', amount,
            jsonb_build_object('value', amount::text, 'precision', 20), 'paid', paid_at
       FROM (SELECT k, 1 + floor(random() * $3::bigint)::bigint AS b, round((10 + random() * 990)::numeric, 2) AS amount,
                    CASE WHEN k <= $1::int
                         THEN date_trunc('month', now()) + random() * (now() - date_trunc('month', now()))
                         ELSE date_trunc('month', now()) - interval '2 months' + random() * interval '2 months' END AS paid_at
               FROM generate_series(1, $1::int + $2::int) k) o`,
    [monthOrders, historyOrders, members]
  )
  const t = performance.now()
  await client.query(
    `UPDATE commission_order SET status = (CASE WHEN random() < 0.5 THEN 'delivered' WHEN random() < 0.9 THEN 'settled' ELSE 'canceled' END)
      WHERE id LIKE 'cord_act_%' AND random() < 0.22`
  )
  const { rowCount: refunded } = await client.query(
    `UPDATE commission_order SET refunded_total = r, raw_refunded_total = jsonb_build_object('value', r::text, 'precision', 20)
       FROM (SELECT id AS rid, round(base_total * random()::numeric, 2) AS r FROM commission_order
              WHERE id LIKE 'cord_act_%' AND random() < 0.05) x
      WHERE id = x.rid`
  )
  await client.query(`VACUUM (ANALYZE) commission_order`)
  return {
    orders: insert.rows,
    this_month: monthOrders,
    previous_two_months: historyOrders,
    partly_refunded: refunded,
    seconds: Math.round(((performance.now() - started) / 1000) * 10) / 10,
    updates_and_vacuum_seconds: Math.round(((performance.now() - t) / 1000) * 10) / 10,
  }
}
