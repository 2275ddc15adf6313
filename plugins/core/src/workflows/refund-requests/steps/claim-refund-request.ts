import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService, RefundRequestRow } from "../../../modules/refund-request"
import { nextAttemptAt } from "../../../utils/refunds"

export const claimRefundRequestStepId = "fission-claim-refund-request"

/**
 * Takes the request for one attempt (a conditional update: one winner among concurrent
 * processes), or returns null when it is done, leased by another process or not due.
 * Compensation — the attempt broke off in an unexpected way after the claim — records
 * it as failed with the next retry time, so the lease does not have to run out first.
 */
export const claimRefundRequestStep = createStep(
  claimRefundRequestStepId,
  async (input: { id: string; force?: boolean; as_of?: Date | string }, { container }) => {
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    const claimed = await service.claimAttempt(input.id, {
      force: input.force,
      as_of: input.as_of ? new Date(input.as_of) : new Date(),
    })
    return new StepResponse<RefundRequestRow | null, { id: string; attempt: number } | null>(
      claimed,
      claimed ? { id: claimed.id, attempt: claimed.attempts } : null
    )
  },
  async (claimed, { container }) => {
    if (!claimed) return
    await container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE).recordFailure(claimed.id, claimed.attempt, {
      error: "the attempt was interrupted",
      next_attempt_at: nextAttemptAt(claimed.attempt, new Date()),
    })
  }
)
