import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planAward } from "../../../utils/awards"
import { levelReached } from "../../../utils/levels"
import { rebateCurrency, rebateRules } from "../../../utils/store"
import { countableLevels, teamActiveOf } from "../../../utils/team-active"

export type MonthAwardPlan = {
  customer_id: string
  month: string
  consumption: string
  level: { id: string; position: number; dividend_points: number } | null
  team_active: number[]
  target: number
  top_up: number
  reversals: { index: number; reversed_to: number }[]
  rows: { id: string; seq: number; amount: number; reversed: number; posting_key: string }[]
}

/**
 * Decides what a customer's month is worth now (SPEC §3.1): consumption net of
 * refunds, active members per depth through core's referral directory (without a
 * tree, levels with a team structure cannot be met — the others still work), the
 * highest level reached, and the postings that bring the month's award to that
 * level's points. Read-only.
 */
export const planMonthAwardStep = createStep(
  "fission-rebates-plan-month-award",
  async (input: { customer_id: string; month: string }, { container }) => {
    const { service, settings, levels } = await rebateRules(container)
    const currency_code = await rebateCurrency(container, settings)
    const consumption = await service.monthConsumption(input.customer_id, input.month, currency_code)
    const team = await teamActiveOf(container, { ...input, time_zone: settings.time_zone, currency_code, levels })
    const reached = levelReached(countableLevels(levels, team.depth), consumption, team.active)
    const rows = (await service.listRebateAwards({ customer_id: input.customer_id, month: input.month }, { order: { seq: "ASC" } })).map(
      (r: any) => ({ id: r.id, seq: Number(r.seq), amount: Number(r.amount), reversed: Number(r.reversed), posting_key: r.posting_key })
    )
    const target = reached?.dividend_points ?? 0
    const plan = planAward(rows, target)
    return new StepResponse<MonthAwardPlan>({
      customer_id: input.customer_id,
      month: input.month,
      consumption,
      level: reached ? { id: reached.id, position: reached.position, dividend_points: reached.dividend_points } : null,
      team_active: team.active,
      target,
      top_up: plan.top_up,
      reversals: plan.reversals,
      rows,
    })
  }
)
