import { MedusaContainer } from "@medusajs/framework/types"
import { levelReached, LevelRule, missingFor, nextLevel } from "../../utils/levels"
import { localMonth } from "../../utils/months"
import { rebateCurrency, rebateRules } from "../../utils/store"
import { countableLevels, teamActiveOf } from "../../utils/team-active"
import { availableOf } from "../../utils/team-award-ledger"

type Resolver = MedusaContainer

const levelView = (l: LevelRule | null) =>
  l ? { id: l.id, position: l.position, name: l.name, min_consumption: Number(l.min_consumption), team_structure: l.team_structure, dividend_points: l.dividend_points } : null

export const teamAwardView = (a: any) => ({
  id: a.id,
  posting_id: a.posting_id,
  amount: Number(a.amount),
  currency_code: a.currency_code,
  points: Number(a.points),
  status: a.status,
  // what is held now: a reversal lowers the hold to what is left of the award
  held_amount: a.status === "frozen" ? Math.min(Number(a.held_amount), Number(a.amount) - Number(a.reversed_amount ?? 0)) : 0,
  reversed_amount: Number(a.reversed_amount ?? 0),
  points_returned: Number(a.points_returned ?? 0),
  frozen_at: a.frozen_at ?? null,
  consumed_at: a.consumed_at ?? null,
  released_at: a.released_at ?? null,
  created_at: a.created_at,
})

/**
 * A customer's rebate status for a month (SPEC §3 Store API): consumption, the level
 * reached, what the next level still needs (consumption and each depth's active
 * members), dividend points, frozen team awards. Live: computed from the month's
 * orders and the tree now, like the evaluation that awards the points.
 */
export async function rebateStatus(container: Resolver, customer_id: string, at: Date, month?: string) {
  const { service, settings, levels } = await rebateRules(container)
  const m = month ?? localMonth(at, settings.time_zone)
  const currency_code = await rebateCurrency(container, settings)
  const consumption = await service.monthConsumption(customer_id, m, currency_code)
  const team = await teamActiveOf(container, { customer_id, month: m, time_zone: settings.time_zone, currency_code, levels })
  const usable = countableLevels(levels, team.depth)
  const reached = levelReached(usable, consumption, team.active)
  const next = nextLevel(usable, reached)
  const [record] = await service.listRebateMonths({ customer_id, month: m })
  const missing = next ? missingFor(next, consumption, team.active) : null
  const frozen = await service.listRebateTeamAwards({ customer_id, status: "frozen" }, { order: { frozen_at: "ASC" } })
  return {
    customer_id,
    month: m,
    time_zone: settings.time_zone,
    currency_code,
    consumption: Number(consumption),
    level: levelView(reached),
    next_level: next
      ? { ...levelView(next)!, missing: { consumption: Number(missing!.consumption), team: missing!.team } }
      : null,
    team_active: team.active,
    team_conditions_available: team.available,
    awarded_points: Number(record?.awarded_points ?? 0),
    dividend_points: Number(await availableOf(container, customer_id, "dividend_points")),
    frozen_awards: frozen.map(teamAwardView),
  }
}

/** A customer's months, newest first, with team awards and the pool run of each month. */
export async function rebateHistory(container: Resolver, customer_id: string, page: { limit: number; offset: number }) {
  const { service } = await rebateRules(container)
  const [months, count] = await service.listAndCountRebateMonths(
    { customer_id },
    { order: { month: "DESC" }, take: page.limit, skip: page.offset }
  )
  const monthKeys = months.map((m: any) => m.month)
  const awards = monthKeys.length ? await service.listRebateAwards({ customer_id, month: monthKeys }, { order: { seq: "ASC" } }) : []
  const tiered = monthKeys.length ? await service.listRebateTieredPayouts({ customer_id, period: monthKeys }) : []
  const runs = monthKeys.length ? await service.listRebatePoolRuns({ month: monthKeys, status: "completed" }) : []
  const teamAwards = await service.listRebateTeamAwards({ customer_id }, { order: { created_at: "DESC" }, take: 50 })
  return {
    months: months.map((m: any) => ({
      month: m.month,
      consumption: Number(m.consumption),
      level_position: m.level_position ?? null,
      awarded_points: Number(m.awarded_points),
      awards: awards
        .filter((a: any) => a.month === m.month)
        .map((a: any) => ({ seq: a.seq, level_position: a.level_position, points: Number(a.amount), reversed: Number(a.reversed), posting_key: a.posting_key })),
      tiered_rebate: (() => {
        const t: any = tiered.find((x: any) => x.period === m.month)
        return t ? { spend: Number(t.spend), rate: t.rate, amount: Number(t.amount), reversed_amount: Number(t.reversed_amount) } : null
      })(),
      pool_run: (() => {
        const r: any = runs.find((x: any) => x.month === m.month)
        return r ? { id: r.id, pool_amount: Number(r.pool_amount), holders: Number(r.holders), completed_at: r.completed_at } : null
      })(),
    })),
    team_awards: teamAwards.map(teamAwardView),
    count,
    offset: page.offset,
    limit: page.limit,
  }
}
