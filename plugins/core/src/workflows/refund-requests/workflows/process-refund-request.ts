import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REFUND_FAILED_EVENT, REFUND_SUCCEEDED_EVENT, refundEventData } from "../events"
import { claimRefundRequestStep } from "../steps/claim-refund-request"
import { executeRefundStep } from "../steps/execute-refund"
import { recordRefundOutcomeStep } from "../steps/record-refund-outcome"

export type ProcessRefundRequestWorkflowInput = {
  id: string
  /** Attempt even if not due yet (admin retry, or the caller that just created it). */
  force?: boolean
  /** "Now" for the due check (the sweep passes its scheduled time). */
  as_of?: Date | string
}

/**
 * One attempt at one refund request: claim it (or do nothing if it is done, leased by
 * another process or not due), move the money, record the outcome. Emits
 * `fission.refund.succeeded` on success and `fission.refund.failed` when the last
 * automatic attempt failed. `result.request` is null when nothing was attempted.
 */
export const processRefundRequestWorkflow = createWorkflow(
  "fission-process-refund-request",
  (input: ProcessRefundRequestWorkflowInput) => {
    const claimed = claimRefundRequestStep(input)
    const outcome = executeRefundStep(claimed)
    const recorded = recordRefundOutcomeStep({ request: claimed, outcome })
    when("fission-refund-succeeded", { recorded }, ({ recorded }) => recorded.succeeded).then(() => {
      const data = transform({ recorded }, ({ recorded }) => refundEventData(recorded.request!))
      emitEventStep({ eventName: REFUND_SUCCEEDED_EVENT, data }).config({ name: "emit-refund-succeeded" })
    })
    when("fission-refund-gave-up", { recorded }, ({ recorded }) => recorded.gave_up).then(() => {
      const data = transform({ recorded }, ({ recorded }) => refundEventData(recorded.request!))
      emitEventStep({ eventName: REFUND_FAILED_EVENT, data }).config({ name: "emit-refund-failed" })
    })
    return new WorkflowResponse(recorded)
  }
)
