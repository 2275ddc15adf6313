import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { reduceHold, returnAwardPoints, voidHold } from "../../../utils/team-award-ledger"
import { teamAwardAfterReversal } from "../../../utils/team-award-reversal"

/**
 * Follows a reversal of a team award's commission (SPEC §0.4): points given back in
 * proportion, or for a frozen award fewer points due and a smaller hold. Every ledger
 * call is a cumulative target keyed by it, and the record is written last, so a re-run
 * or a redelivered reversal changes nothing, and a failure half-way is finished by the
 * next sweep. No compensation for that reason. Runs under the member's lock.
 */
export const reverseTeamAwardStep = createStep(
  "fission-rebates-reverse-team-award",
  async (input: { posting_id: string; reversed_total: string }, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const [award] = await service.listRebateTeamAwards({ posting_id: input.posting_id })
    if (!award) return new StepResponse({ changed: false })
    const next = teamAwardAfterReversal(
      { amount: String(award.amount), points: Number(award.points), held_amount: String(award.held_amount), status: award.status },
      input.reversed_total
    )
    if (next.kind === "return_points") {
      if (next.points_returned <= Number(award.points_returned) && Number(next.reversed_amount) === Number(award.reversed_amount)) {
        return new StepResponse({ changed: false })
      }
      await returnAwardPoints(container, award.posting_id, next.points_returned)
      await service.updateRebateTeamAwards({
        id: award.id,
        reversed_amount: next.reversed_amount as any,
        points_returned: Math.max(next.points_returned, Number(award.points_returned)),
      })
      return new StepResponse({ changed: true })
    }
    if (next.kind === "shrink") {
      if (next.status === "reversed") await voidHold(container, award.posting_id)
      else await reduceHold(container, award.posting_id, next.hold_reduction)
      await service.updateRebateTeamAwards({ id: award.id, reversed_amount: next.reversed_amount as any, points: next.points, status: next.status })
      return new StepResponse({ changed: true })
    }
    return new StepResponse({ changed: false })
  }
)
