import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService, RefundRequestRow } from "../../../modules/refund-request"
import { nextAttemptAt, REFUND_RETRY } from "../../../utils/refunds"
import type { RefundOutcome } from "../execute/outcome"

export const recordRefundOutcomeStepId = "fission-record-refund-outcome"

export type RecordedRefundOutcome = {
  request: RefundRequestRow | null
  succeeded: boolean
  /** Failed with no automatic retry left: `fission.refund.failed` is emitted. */
  gave_up: boolean
}

/**
 * Records each attempt's outcome on the request it claimed: succeeded, or failed with the
 * error and the next retry time (none once max_attempts are used). Conditional on the
 * claim still being ours, so a stale attempt never overwrites a newer one (`request` null).
 * No compensation: it is the workflow's last write and only states what happened.
 */
export const recordRefundOutcomeStep = createStep(
  recordRefundOutcomeStepId,
  async ({ requests, outcomes }: { requests: RefundRequestRow[]; outcomes: RefundOutcome[] }, { container }) => {
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    const recorded: RecordedRefundOutcome[] = []
    for (const [i, request] of requests.entries()) {
      const outcome = outcomes[i]
      if (outcome.ok) {
        const row = await service.recordSuccess(request.id, request.attempts, outcome)
        recorded.push({ request: row, succeeded: !!row, gave_up: false })
        continue
      }
      const next = nextAttemptAt(request.attempts, new Date(), { ...REFUND_RETRY, max_attempts: request.max_attempts })
      const row = await service.recordFailure(request.id, request.attempts, { error: outcome.error, next_attempt_at: next })
      recorded.push({ request: row, succeeded: false, gave_up: !!row && next === null })
    }
    return new StepResponse(recorded)
  }
)
