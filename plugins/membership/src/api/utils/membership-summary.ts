import type { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../modules/membership"
import { levelForGrowth, nextLevelAbove } from "../../utils"
import { growthOf, qualifyingGrowth } from "../../workflows/levels/steps"

const EXPIRING_SOON_DAYS = 30

const RELEASE_REASONS = ["shopping_fund.daily_release", "shopping_fund.participation_bonus", "shopping_fund.invite_bonus"]
const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100)

/**
 * Shopping fund (SPEC §6.6), summed over the customer's currencies: `locked` =
 * everything not yet released (posted + pending), `releasable` = the posted part
 * the release job and bonuses draw from, `released_total` = moved to store credit.
 */
async function shoppingFundSummary(ledger: LedgerModuleService, balances: any[]) {
  const funds = balances.filter((b) => b.asset === "shopping_fund" && b.purpose === "main")
  const released = funds.length
    ? await ledger.listLedgerPostings(
        { debit_account_id: funds.map((f) => f.account_id), reason: RELEASE_REASONS, status: "posted" },
        { select: ["amount"] }
      )
    : []
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 100
  return {
    locked: sum(funds.map((f) => cents(f.posted) + cents(f.pending_in))),
    releasable: sum(funds.map((f) => cents(f.available))),
    released_total: sum(released.map((p) => cents(p.amount))),
  }
}

const benefitsOf = (l: any) =>
  l && {
    id: l.id,
    name: l.name,
    growth_threshold: Number(l.growth_threshold),
    points_multiplier: Number(l.points_multiplier),
    customer_group_id: l.customer_group_id,
    free_shipping_threshold: l.free_shipping_threshold === null ? null : Number(l.free_shipping_threshold),
    birthday_points: Number(l.birthday_points),
    exclusive_product_ids: (l.exclusive_product_ids as string[] | null) ?? [],
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
  // under "yearly" levels are reached with the growth of the last 12 months
  const qualifying =
    settings.downgrade_policy === "yearly" ? await qualifyingGrowth(ledger, customer_id, now) : growth
  // the stored level is the authority (it may be higher than growth alone: downgrades wait
  // for the yearly re-evaluation or never happen); a member not evaluated yet shows the level their growth reaches
  const stored = profile?.level_id ? (levels as any[]).find((l) => l.id === profile.level_id) : null
  const level = stored ?? levelForGrowth(levels as any[], qualifying)
  const next = nextLevelAbove(levels as any[], Math.max(qualifying, Number(level?.growth_threshold ?? 0)))
  const points = balances.find((b) => b.asset === "points" && b.purpose === "main")
  const shopping_fund = await shoppingFundSummary(ledger, balances as any[])
  const until = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000)
  return {
    customer_id,
    level: benefitsOf(level),
    next_level: benefitsOf(next),
    growth,
    qualifying_growth: qualifying,
    growth_to_next_level: next ? Number(next.growth_threshold) - qualifying : null,
    downgrade_policy: settings.downgrade_policy,
    birthday: (profile as any)?.birthday ?? null,
    points: {
      available: Number(points?.available ?? 0),
      pending: Number(points?.pending_in ?? 0),
      expiring_soon: Number(await ledger.expiringLotsTotal({ customer_id, asset: "points", after: now, until })),
      expiring_within_days: EXPIRING_SOON_DAYS,
    },
    shopping_fund,
  }
}
