import { RankConditions } from "../referral/rank"

export type RankDef = { id: string; position: number; is_default: boolean; conditions: RankConditions | null }

export type MemberStats = {
  /** Lifetime paid spend, net of refunds. */
  personal_spend: number
  /** One entry per direct referral. */
  directs: { rank_id: string | null; purchased_product_ids: string[] }[]
  /** Team size at depth 1, 2, 3. */
  team_counts: number[]
}

function holds(c: RankConditions, stats: MemberStats, positionOf: (rankId: string | null) => number): boolean {
  if (c.personal_spend !== undefined && stats.personal_spend < Number(c.personal_spend)) return false
  if (c.direct_referrals) {
    const { count, rank_id, purchased_product_id } = c.direct_referrals
    const minPosition = rank_id ? positionOf(rank_id) : -Infinity
    const qualifying = stats.directs.filter(
      (d) =>
        positionOf(d.rank_id) >= minPosition &&
        (!purchased_product_id || d.purchased_product_ids.includes(purchased_product_id))
    )
    if (qualifying.length < count) return false
  }
  if (c.team_counts) {
    if (c.team_counts.some((needed, level) => (stats.team_counts[level] ?? 0) < needed)) return false
  }
  return true
}

/**
 * The highest rank whose conditions all hold (SPEC §2.5), or null when only the
 * default rank applies. Ranks without conditions are never reached automatically.
 */
export function qualifyingRank(ranks: RankDef[], stats: MemberStats): RankDef | null {
  const positionOf = (rankId: string | null) => ranks.find((r) => r.id === rankId)?.position ?? -1
  const candidates = ranks
    .filter((r) => !r.is_default && r.conditions && Object.keys(r.conditions).length)
    .sort((a, b) => b.position - a.position)
  return candidates.find((r) => holds(r.conditions!, stats, positionOf)) ?? null
}

/** A promotion happens only upwards; an admin override pins the rank. */
export function isPromotion(ranks: RankDef[], currentRankId: string | null, next: RankDef | null) {
  if (!next) return false
  const current = ranks.find((r) => r.id === currentRankId)
  return !current || next.position > current.position
}
