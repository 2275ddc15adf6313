import { rows, Trx } from "./sql"

/** Orders that count as sales: paid and not canceled (refunds are subtracted). */
const SOLD = `o.status IN ('paid', 'delivered', 'settled') AND o.deleted_at IS NULL`

export type Period = { from: Date; to: Date }
export type SalesTotal = { currency_code: string; amount: string; orders: number }

/**
 * Paid product sales of the customer's team (members at depth ≤ `max_depth`,
 * default 2) in the period, per currency, from `commission_order`
 * (base_total − refunded_total: what buyers paid for the items, §2.4).
 * Exact: numeric sums returned as decimal strings.
 */
export async function teamSales(trx: Trx, customerId: string, { from, to }: Period, maxDepth = 2): Promise<SalesTotal[]> {
  const result = await rows<{ currency_code: string; amount: string; orders: string }>(
    trx,
    `SELECT o.currency_code, SUM(o.base_total - o.refunded_total)::text AS amount, COUNT(*) AS orders
       FROM referral_ancestor a JOIN commission_order o ON o.buyer_id = a.descendant_id
      WHERE a.ancestor_id = :customer_id AND a.depth <= :max_depth AND a.deleted_at IS NULL
        AND ${SOLD} AND o.paid_at >= :from AND o.paid_at < :to
      GROUP BY o.currency_code ORDER BY o.currency_code`,
    { customer_id: customerId, max_depth: maxDepth, from, to }
  )
  return result.map((r) => ({ currency_code: r.currency_code, amount: r.amount, orders: Number(r.orders) }))
}

export type LeaderboardQuery = Period & {
  by: "referrals" | "sales"
  /** Only for `by: "sales"`. */
  currency_code?: string
  /** everyone_is_promoter counts every customer but disabled promoters; other modes only active promoters. */
  everyone_is_promoter: boolean
  limit: number
}

export type LeaderboardRow = { customer_id: string; value: string }

/**
 * The "fission PK list": promoters by new direct referrals bound in the period,
 * or by their level-1/2 team's paid sales in the period. Set-based, one query.
 */
export async function leaderboard(trx: Trx, q: LeaderboardQuery): Promise<LeaderboardRow[]> {
  const eligible = q.everyone_is_promoter
    ? `COALESCE(p.status, 'active') <> 'disabled'`
    : `p.status = 'active'`
  if (q.by === "referrals") {
    return rows<LeaderboardRow>(
      trx,
      `SELECT r.referrer_id AS customer_id, COUNT(*)::text AS value
         FROM referral r LEFT JOIN promoter p ON p.customer_id = r.referrer_id AND p.deleted_at IS NULL
        WHERE r.deleted_at IS NULL AND r.bound_at >= :from AND r.bound_at < :to AND ${eligible}
        GROUP BY r.referrer_id ORDER BY COUNT(*) DESC, MIN(r.bound_at) ASC, r.referrer_id LIMIT :limit`,
      { from: q.from, to: q.to, limit: q.limit }
    )
  }
  return rows<LeaderboardRow>(
    trx,
    `SELECT a.ancestor_id AS customer_id, SUM(o.base_total - o.refunded_total)::text AS value
       FROM commission_order o
       JOIN referral_ancestor a ON a.descendant_id = o.buyer_id AND a.depth <= 2 AND a.deleted_at IS NULL
       LEFT JOIN promoter p ON p.customer_id = a.ancestor_id AND p.deleted_at IS NULL
      WHERE ${SOLD} AND o.paid_at >= :from AND o.paid_at < :to AND o.currency_code = :currency_code AND ${eligible}
      GROUP BY a.ancestor_id HAVING SUM(o.base_total - o.refunded_total) > 0
      ORDER BY SUM(o.base_total - o.refunded_total) DESC, a.ancestor_id LIMIT :limit`,
    { from: q.from, to: q.to, limit: q.limit, currency_code: q.currency_code ?? "" }
  )
}
