import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { availableOf, consumeAwardPoints, voidHold } from "../../../utils/team-award-ledger"

/**
 * Releases a member's frozen team awards, oldest first, once the member meets the
 * month's consumption (`month_met`) and has the points (SPEC §3.2): the points are
 * taken and the held commission given back. Stops at the first award the points
 * don't cover (first frozen, first released).
 *
 * No compensation, on purpose: the points debit and the void are keyed by the
 * award's posting id and the record is marked last, so a failure half-way is
 * finished by the member's next evaluation.
 */
export const releaseFrozenTeamAwardsStep = createStep(
  "fission-rebates-release-frozen-team-awards",
  async (input: { customer_id: string; month_met: boolean }, { container }) => {
    if (!input.month_met) return new StepResponse([] as string[])
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const frozen = await service.listRebateTeamAwards(
      { customer_id: input.customer_id, status: "frozen" },
      { order: { frozen_at: "ASC" } }
    )
    const released: string[] = []
    for (const award of frozen) {
      if (Number(await availableOf(container, award.customer_id, "dividend_points")) < Number(award.points)) break
      if (!(await consumeAwardPoints(container, { posting_id: award.posting_id, customer_id: award.customer_id, points: Number(award.points) }))) break
      await voidHold(container, award.posting_id)
      await service.updateRebateTeamAwards({ id: award.id, status: "released", released_at: new Date() })
      released.push(award.id)
    }
    return new StepResponse(released)
  }
)
