import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService, RefundRequestRow } from "../../../modules/refund-request"
import { nextAttemptAt } from "../../../utils/refunds"

export const claimRefundRequestStepId = "fission-claim-refund-request"

/**
 * Takes each request for one attempt (a conditional update each: one winner among concurrent
 * processes), leaving out those that are done, leased by another process or not due.
 * Compensation — the attempt broke off in an unexpected way after the claim — records each
 * as failed with the next retry time, so the leases do not have to run out first.
 */
export const claimRefundRequestStep = createStep(
  claimRefundRequestStepId,
  async (input: { ids: string[]; force?: boolean; as_of?: Date | string }, { container }) => {
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    const as_of = input.as_of ? new Date(input.as_of) : new Date()
    const claimed: RefundRequestRow[] = []
    for (const id of [...new Set(input.ids)]) {
      const row = await service.claimAttempt(id, { force: input.force, as_of })
      if (row) claimed.push(row)
    }
    return new StepResponse<RefundRequestRow[], { id: string; attempt: number }[]>(
      claimed,
      claimed.map((r) => ({ id: r.id, attempt: r.attempts }))
    )
  },
  async (claimed, { container }) => {
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    for (const c of claimed ?? []) {
      await service.recordFailure(c.id, c.attempt, { error: "the attempt was interrupted", next_attempt_at: nextAttemptAt(c.attempt, new Date()) })
    }
  }
)
