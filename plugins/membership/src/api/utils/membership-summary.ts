import type { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../modules/membership"
import { levelForGrowth, nextLevelAbove, targetLevel } from "../../utils"
import { growthOf } from "../../workflows/levels/steps"

const EXPIRING_SOON_DAYS = 30

const benefitsOf = (l: any) =>
  l && {
    id: l.id,
    name: l.name,
    growth_threshold: Number(l.growth_threshold),
    points_multiplier: Number(l.points_multiplier),
    customer_group_id: l.customer_group_id,
    free_shipping_threshold: l.free_shipping_threshold === null ? null : Number(l.free_shipping_threshold),
    birthday_points: Number(l.birthday_points),
    description: l.description,
  }

/**
 * A customer's membership as the store and admin APIs show it: level and
 * benefits, next level, growth, points available / pending / expiring soon.
 */
export async function membershipSummary(scope: MedusaContainer, customer_id: string, now: Date) {
  const service = scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const ledger = scope.resolve<LedgerModuleService>(LEDGER_MODULE)
  const [settings, levels, [profile], balances, growth] = await Promise.all([
    service.retrieveSettings(),
    service.listMemberLevels({}, { order: { growth_threshold: "ASC" } }),
    service.listMemberProfiles({ customer_id }),
    ledger.retrieveBalances({ owner_type: "customer", owner_id: customer_id }),
    growthOf(ledger, customer_id),
  ])
  // the stored level (it may be higher than growth alone under "never downgrade");
  // a member not evaluated yet shows the level their growth reaches
  const level = profile ? targetLevel(levels as any[], growth, profile.level_id, settings.downgrade_policy) : levelForGrowth(levels as any[], growth)
  const next = nextLevelAbove(levels as any[], Math.max(growth, Number(level?.growth_threshold ?? 0)))
  const points = balances.find((b) => b.asset === "points" && b.purpose === "main")
  const until = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000)
  return {
    customer_id,
    level: benefitsOf(level),
    next_level: benefitsOf(next),
    growth,
    growth_to_next_level: next ? Number(next.growth_threshold) - growth : null,
    points: {
      available: Number(points?.available ?? 0),
      pending: Number(points?.pending_in ?? 0),
      expiring_soon: await service.sumExpiringPoints(customer_id, now, until),
      expiring_within_days: EXPIRING_SOON_DAYS,
    },
  }
}
