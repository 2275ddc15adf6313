import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings, referralDirectory } from "@fission/core/utils"
import { teamDepthOf } from "../../../utils/levels"
import { rebateRules } from "../../../utils/store"
import { evaluateRebateMonthWorkflow } from "../../levels/workflows/evaluate-rebate-month"
import { reverseTieredRebateWorkflow } from "../../month-close/workflows/reverse-tiered-rebate"

/**
 * A change of a customer's consumption can change their level, and — when a level
 * has a team structure — the active counts of their upline (up to 3 levels, the
 * depth team conditions count). Re-evaluates each of them for the month, each in its
 * own workflow under its own lock; then the tiered rebate of the buyer's period, if
 * one was paid already. Idempotent: an evaluation brings a month to its current worth.
 */
export const evaluateAffectedMonthsStep = createStep(
  "fission-rebates-evaluate-affected-months",
  async (input: { customer_id: string | null; month: string | null }, { container }) => {
    if (!input.customer_id || !input.month) return new StepResponse([] as string[])
    const { levels } = await rebateRules(container)
    const ids = [input.customer_id]
    const depth = Math.min(teamDepthOf(levels), (await getComplianceSettings(container)).max_team_condition_depth ?? 3)
    const directory = depth > 0 ? referralDirectory(container) : null
    if (directory) ids.push(...(await directory.ancestors(input.customer_id, depth)).map((a) => a.customer_id))
    for (const customer_id of ids) {
      await evaluateRebateMonthWorkflow(container).run({ input: { customer_id, month: input.month } })
    }
    await reverseTieredRebateWorkflow(container).run({ input: { customer_id: input.customer_id, period: input.month } })
    return new StepResponse(ids)
  }
)
