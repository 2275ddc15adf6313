import { rows, Trx } from "./sql"

/**
 * The read-only queries @fission/distribution answers for core's referral
 * directory (`referralDirectory(container)` in @fission/core/utils), over this
 * module's own tables. Core has already normalised the input (valid ids,
 * capped integer depths, exact decimal amounts); each query is one statement.
 */

/** A binding that still counts at `as_of` (expired bindings pay nothing and cut the chain). */
const LIVE = `r.deleted_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > :as_of)`

/** Team members per level from the maintained counters (no tree scan). */
export async function teamCounts(trx: Trx, customerId: string, depth: number): Promise<number[]> {
  const [row] = await rows<{ level1: number; level2: number; level3: number }>(
    trx,
    `SELECT level1, level2, level3 FROM team_counter WHERE customer_id = ? AND deleted_at IS NULL`,
    [customerId]
  )
  return [row?.level1 ?? 0, row?.level2 ?? 0, row?.level3 ?? 0].slice(0, depth).map(Number)
}

/** Orders that count as paid consumption: paid and not canceled (refunds are subtracted). */
const PAID = `o.status IN ('paid', 'delivered', 'settled') AND o.deleted_at IS NULL`

export type ActiveMembersInput = { from: Date; to: Date; min_spend: string; depth: number; currency_code?: string }

/**
 * For each of `customerIds`: members per level 1..depth whose paid merchandise
 * net of refunds (`commission_order.base_total − refunded_total`, the items
 * after discounts without shipping or tax) in [from, to) reached `min_spend`.
 *
 * One statement for the whole batch, costing O(team rows of the batch) and never
 * O(orders in the period): the team comes from the depth-3 closure (index-only
 * on `(ancestor_id, depth, descendant_id)`), and each distinct member's spend is
 * one probe of the `(buyer_id, paid_at)` index, forced by the LATERAL join. Left
 * to itself the planner hash-joins the team against every order of the period
 * as soon as it overestimates the team (it does, ~13× for random members), which
 * at 1,000,000 members and 1,000,000 orders a month is a 5 s sequential scan for
 * 5,000 customers instead of 1 s of probes (bench/README.md, "Referral directory").
 * Only levels with at least one active member are returned.
 */
export async function activeMembersPerLevel(trx: Trx, customerIds: string[], q: ActiveMembersInput): Promise<Record<string, number[]>> {
  if (!customerIds.length || q.depth < 1) return {}
  const { sql, bindings } = activeMembersStatement(customerIds, q)
  const found = await rows<{ customer_id: string; depth: number; active: number }>(trx, sql, bindings)
  const result: Record<string, number[]> = {}
  for (const r of found) {
    const levels = (result[r.customer_id] ??= Array.from({ length: q.depth }, () => 0))
    levels[Number(r.depth) - 1] = Number(r.active)
  }
  return result
}

/** The statement behind activeMembersPerLevel (exported for the benchmark's EXPLAIN ANALYZE). */
export function activeMembersStatement(customerIds: string[], q: ActiveMembersInput) {
  return {
    sql: `WITH team AS MATERIALIZED (
       SELECT a.ancestor_id, a.depth, a.descendant_id
         FROM referral_ancestor a
        WHERE a.ancestor_id = ANY(:ids::text[]) AND a.depth <= :depth AND a.deleted_at IS NULL
     ), active AS (
       SELECT m.descendant_id
         FROM (SELECT DISTINCT descendant_id FROM team) m
        CROSS JOIN LATERAL (
          SELECT sum(o.base_total - o.refunded_total) AS spent
            FROM commission_order o
           WHERE o.buyer_id = m.descendant_id AND o.paid_at >= :from AND o.paid_at < :to AND ${PAID}
             ${q.currency_code ? "AND o.currency_code = :currency_code" : ""}
        ) s
        WHERE s.spent >= :min_spend::numeric
     )
     SELECT t.ancestor_id AS customer_id, t.depth, count(*)::int AS active
       FROM team t JOIN active USING (descendant_id)
      GROUP BY t.ancestor_id, t.depth`,
    bindings: { ids: customerIds, depth: q.depth, from: q.from, to: q.to, min_spend: q.min_spend, currency_code: q.currency_code ?? null },
  }
}

export type TeamLeaderRow = { customer_id: string; depth: number; rank_id: string }

/**
 * The nearest ancestor within `depth` (walking live bindings, O(depth) pointer
 * lookups) whose promoter holds a leader rank and can earn — the same rule as
 * the order's team-leader share (not disabled in `everyone_is_promoter` mode,
 * else approved and active). The promoter mode is read in the same statement.
 */
export async function teamLeaderOf(
  trx: Trx,
  customerId: string,
  depth: number,
  { as_of = new Date(), settings_id }: { as_of?: Date; settings_id: string }
): Promise<TeamLeaderRow | null> {
  if (depth < 1) return null
  const [leader] = await rows<TeamLeaderRow>(
    trx,
    `WITH RECURSIVE up AS (
       SELECT r.referrer_id, 1 AS depth FROM referral r WHERE r.customer_id = :customer_id AND ${LIVE}
       UNION ALL
       SELECT r.referrer_id, up.depth + 1 FROM referral r JOIN up ON r.customer_id = up.referrer_id
        WHERE up.depth < :depth AND ${LIVE}
     ), mode AS (
       SELECT COALESCE((SELECT promoter_mode FROM distribution_setting WHERE id = :settings_id AND deleted_at IS NULL),
                       'everyone_is_promoter') AS promoter_mode
     )
     SELECT up.referrer_id AS customer_id, up.depth, p.rank_id
       FROM up
       JOIN promoter p ON p.customer_id = up.referrer_id AND p.deleted_at IS NULL
       JOIN distribution_rank k ON k.id = p.rank_id AND k.deleted_at IS NULL AND k.is_leader
      CROSS JOIN mode
      WHERE CASE WHEN mode.promoter_mode = 'everyone_is_promoter' THEN p.status <> 'disabled' ELSE p.status = 'active' END
      ORDER BY up.depth
      LIMIT 1`,
    { customer_id: customerId, depth, as_of, settings_id }
  )
  return leader ? { customer_id: leader.customer_id, depth: Number(leader.depth), rank_id: leader.rank_id } : null
}
