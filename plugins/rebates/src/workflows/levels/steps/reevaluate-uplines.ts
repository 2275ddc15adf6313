import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings, referralDirectory } from "@fission/core/utils"
import { teamDepthOf } from "../../../utils/levels"
import { rebateRules } from "../../../utils/store"
import { evaluateRebateMonthWorkflow } from "../workflows/evaluate-rebate-month"

/**
 * Catches up the team counts (SPEC §3.1): distribution records a member's payment in
 * its own subscriber, in parallel with rebates', so an upline evaluated on that
 * payment may not have seen it. Re-evaluates the upline (to the team-structure depth)
 * of every customer whose orders changed since `since` — at most `limit` customers a
 * run. Nothing to do without a level with a team structure or without a tree.
 * Idempotent: an evaluation brings a month to its current worth.
 */
export const reevaluateUplinesStep = createStep(
  "fission-rebates-reevaluate-uplines",
  async (input: { since: string; limit?: number }, { container }) => {
    const { service, levels } = await rebateRules(container)
    const depth = Math.min(teamDepthOf(levels), (await getComplianceSettings(container)).max_team_condition_depth ?? 3)
    const directory = depth > 0 ? referralDirectory(container) : null
    if (!directory) return new StepResponse({ changed: 0, evaluated: 0 })
    const changed = await service.changedSince(new Date(input.since), input.limit ?? 5000)
    const todo = new Map<string, { customer_id: string; month: string }>()
    for (const c of changed) {
      for (const a of await directory.ancestors(c.customer_id, depth)) todo.set(`${a.customer_id}:${c.month}`, { customer_id: a.customer_id, month: c.month })
    }
    for (const t of todo.values()) await evaluateRebateMonthWorkflow(container).run({ input: t })
    return new StepResponse({ changed: changed.length, evaluated: todo.size })
  }
)
