import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { targetLevel, yearlyLevel } from "../../../utils"

type Previous = {
  profile_id: string
  level_id: string | null
  growth: number
  change_id: string | null
  added: string | null
  removed: string | null
  customer_id: string
  evaluated_year: number | null
  claimed_year?: boolean
}

/** Growth value of a customer: the posted balance of their `growth` account. */
export async function growthOf(ledger: LedgerModuleService, customer_id: string) {
  const balances = await ledger.retrieveBalances({ owner_type: "customer", owner_id: customer_id })
  const growth = balances.find((b) => b.asset === "growth" && b.purpose === "main")
  return growth ? Math.floor(Number(growth.posted)) : 0
}

/** A member's profile, created on first use (unique customer_id: a concurrent creator wins). */
export async function profileOf(service: MembershipModuleService, customer_id: string) {
  const [found] = await service.listMemberProfiles({ customer_id })
  if (found) return found
  try {
    return await service.createMemberProfiles({ customer_id })
  } catch {
    return (await service.listMemberProfiles({ customer_id }))[0]
  }
}

/** Start of the 12-month window of qualifying growth that ends at `asOf`. */
export const qualifyingWindowStart = (asOf: Date) => {
  const d = new Date(asOf)
  d.setUTCFullYear(d.getUTCFullYear() - 1)
  return d
}

/**
 * Growth credited in the 12 months up to `asOf`, net of what was taken back in that
 * window: the "qualifying growth" of the yearly downgrade policy (a core ledger query).
 */
export async function qualifyingGrowth(ledger: LedgerModuleService, customer_id: string, asOf: Date) {
  const net = await ledger.netChangeBetween({ customer_id, asset: "growth", after: qualifyingWindowStart(asOf), until: asOf })
  return Math.floor(Number(net))
}

export type EvaluateMemberLevelInput = {
  customer_id: string
  reason: string
  /** The yearly re-evaluation of `year` as of `as_of` (downgrade policy `yearly`); once per member and year. */
  yearly?: { year: number; as_of: Date | string }
}

/**
 * After growth changed (SPEC §6.2): puts the customer at the level their growth
 * reaches — lifetime growth under downgrade policy `never`, the growth of the
 * last 12 months under `yearly` — keeping a higher level they hold (downgrades
 * happen only in the yearly re-evaluation, at most `downgrade_max_levels` down).
 * Records the change and keeps them in the level's Medusa customer group (out of
 * the old one), so price lists and promotions for the group apply. Serialised per customer.
 */
export const evaluateMemberLevelStep = createStep(
  "fission-membership-evaluate-level",
  async (input: EvaluateMemberLevelInput, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    return await container.resolve(Modules.LOCKING).execute(`fission:membership:level:${input.customer_id}`, async () => {
      const growth = await growthOf(ledger, input.customer_id)
      const settings = await service.retrieveSettings()
      const levels = await service.listMemberLevels({}, { order: { growth_threshold: "ASC" } })
      const profile = await profileOf(service, input.customer_id)
      const previous: Previous = {
        profile_id: profile.id,
        level_id: profile.level_id,
        growth: Number(profile.growth),
        change_id: null,
        added: null,
        removed: null,
        customer_id: input.customer_id,
        evaluated_year: (profile as any).level_evaluated_year ?? null,
      }
      let target: any
      if (input.yearly) {
        const asOf = new Date(input.yearly.as_of)
        const claimed = await service.claimYearlyEvaluation(profile.id, input.yearly.year)
        if (!claimed) return new StepResponse({ changed: false, level_id: profile.level_id as string | null, growth }, null)
        previous.claimed_year = true
        const qualifying = await qualifyingGrowth(ledger, input.customer_id, asOf)
        target = yearlyLevel(levels as any[], qualifying, profile.level_id, Number(settings.downgrade_max_levels ?? 1))
      } else {
        const qualifying =
          settings.downgrade_policy === "yearly"
            ? await qualifyingGrowth(ledger, input.customer_id, new Date())
            : growth
        target = targetLevel(levels as any[], qualifying, profile.level_id)
      }
      const to = (target?.id ?? null) as string | null
      if (to === profile.level_id) {
        if (Number(profile.growth) !== growth) await service.updateMemberProfiles({ id: profile.id, growth })
        return new StepResponse({ changed: false, level_id: to, growth }, previous)
      }
      await service.updateMemberProfiles({ id: profile.id, level_id: to, growth, level_changed_at: new Date() })
      const change = await service.createLevelChanges({
        customer_id: input.customer_id,
        from_level_id: profile.level_id,
        to_level_id: to,
        growth,
        reason: input.reason,
      })
      previous.change_id = change.id
      const oldGroup = levels.find((l) => l.id === profile.level_id)?.customer_group_id ?? null
      const newGroup = (target as any)?.customer_group_id ?? null
      const [withGroups] = await customers.listCustomers({ id: input.customer_id }, { relations: ["groups"] })
      const memberOf = new Set(((withGroups as any)?.groups ?? []).map((g: any) => g.id))
      if (oldGroup && oldGroup !== newGroup && memberOf.has(oldGroup)) {
        await customers.removeCustomerFromGroup({ customer_id: input.customer_id, customer_group_id: oldGroup })
        previous.removed = oldGroup
      }
      if (newGroup && !memberOf.has(newGroup)) {
        await customers.addCustomerToGroup({ customer_id: input.customer_id, customer_group_id: newGroup })
        previous.added = newGroup
      }
      return new StepResponse({ changed: true, level_id: to, growth }, previous)
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    await service.updateMemberProfiles({
      id: previous.profile_id,
      level_id: previous.level_id,
      growth: previous.growth,
      ...(previous.claimed_year ? { level_evaluated_year: previous.evaluated_year } : {}),
    })
    if (previous.change_id) await service.deleteLevelChanges(previous.change_id)
    if (previous.added) await customers.removeCustomerFromGroup({ customer_id: previous.customer_id, customer_group_id: previous.added })
    if (previous.removed) await customers.addCustomerToGroup({ customer_id: previous.customer_id, customer_group_id: previous.removed })
  }
)
