import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { availableOf, consumeAwardPoints, holdAward, pointsForAward, voidHold } from "../../../utils/team-award-ledger"

export type TeamAwardPosting = { id: string; idempotency_key: string; amount: string; currency_code: string | null; customer_id: string }

/**
 * SPEC §3.2: a team award paid to a member consumes as many dividend points. With
 * enough points they are taken at once (`consumed`); otherwise the award is
 * `frozen`: its commission is held by a pending debit (up to what is available)
 * until the member meets the month's consumption with points again.
 *
 * No compensation, on purpose: every ledger call is keyed by the award's posting
 * id, and the record is written last, so a failure half-way is finished by the next
 * sweep (the same keys replay) instead of being undone. Runs under the member's lock.
 */
export const applyTeamAwardStep = createStep(
  "fission-rebates-apply-team-award",
  async (posting: TeamAwardPosting, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const [existing] = await service.listRebateTeamAwards({ posting_id: posting.id })
    if (existing) return new StepResponse({ award: existing, created: false })
    const points = pointsForAward(posting.amount)
    const base = {
      posting_id: posting.id,
      posting_key: posting.idempotency_key,
      customer_id: posting.customer_id,
      currency_code: posting.currency_code ?? "",
      amount: posting.amount as any,
      points,
    }
    const hasPoints = Number(await availableOf(container, posting.customer_id, "dividend_points")) >= points
    if (hasPoints && (await consumeAwardPoints(container, { posting_id: posting.id, customer_id: posting.customer_id, points }))) {
      // an earlier attempt may have frozen it before it crashed: give that hold back
      await voidHold(container, posting.id)
      const award = await service.createRebateTeamAwards({ ...base, status: "consumed", consumed_at: new Date() })
      return new StepResponse({ award, created: true })
    }
    const held = await holdAward(container, { posting_id: posting.id, customer_id: posting.customer_id, currency_code: base.currency_code, amount: posting.amount })
    const award = await service.createRebateTeamAwards({ ...base, status: "frozen", held_amount: held as any, frozen_at: new Date() })
    return new StepResponse({ award, created: true })
  }
)
