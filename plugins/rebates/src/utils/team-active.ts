import { MedusaContainer } from "@medusajs/framework/types"
import { getComplianceSettings, referralDirectory } from "@fission/core/utils"
import { activeThreshold, LevelRule, teamDepthOf } from "./levels"
import { monthBounds } from "./months"

type Resolver = MedusaContainer

/**
 * Active members per depth of a customer's team in a month (SPEC §3.1), through
 * core's referral directory: members whose paid consumption net of refunds reached
 * level 1's. Counts as deep as the levels' team structures need, capped by the
 * compliance `max_team_condition_depth`. `available: false` without a tree
 * (distribution not installed): levels with a team structure cannot be met then.
 */
export async function teamActiveOf(
  container: Resolver,
  a: { customer_id: string; month: string; time_zone: string; currency_code: string; levels: LevelRule[] }
): Promise<{ active: number[]; depth: number; available: boolean }> {
  const depth = Math.min(teamDepthOf(a.levels), (await getComplianceSettings(container)).max_team_condition_depth ?? 3)
  const directory = referralDirectory(container)
  const threshold = activeThreshold(a.levels)
  if (!directory || depth <= 0 || threshold === null) return { active: [], depth, available: !!directory }
  const { from, to } = monthBounds(a.month, a.time_zone)
  const found = await directory.activeMembersPerLevel([a.customer_id], {
    from,
    to,
    min_spend: String(threshold),
    depth,
    currency_code: a.currency_code,
  })
  return { active: found[a.customer_id] ?? [], depth, available: true }
}

/** Levels a team can count for: a structure deeper than `depth` cannot be met. */
export const countableLevels = (levels: LevelRule[], depth: number) => levels.filter((l) => (l.team_structure?.length ?? 0) <= depth)
