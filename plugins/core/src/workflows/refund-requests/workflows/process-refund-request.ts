import { EventPriority } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REFUND_FAILED_EVENT, REFUND_SUCCEEDED_EVENT, refundEventData } from "../events"
import { claimRefundRequestStep } from "../steps/claim-refund-request"
import { executeRefundStep } from "../steps/execute-refund"
import { recordRefundOutcomeStep } from "../steps/record-refund-outcome"

export type ProcessRefundRequestWorkflowInput = {
  ids: string[]
  /** Attempt even if not due yet (admin retry, or the caller that just created it). */
  force?: boolean
  /** "Now" for the due check (the sweep passes its scheduled time). */
  as_of?: Date | string
}

/**
 * One attempt at each of a few refund requests: claim them (leaving out those done, leased by
 * another process or not due), move the money (full cancels of several orders together, see
 * executeRefundStep), record each outcome. Emits `fission.refund.succeeded` per success and
 * `fission.refund.failed` per request whose last automatic attempt failed. Returns an entry per
 * request attempted; `request` is null where a newer attempt had taken it over.
 */
export const processRefundRequestWorkflow = createWorkflow(
  "fission-process-refund-request",
  (input: ProcessRefundRequestWorkflowInput) => {
    const claimed = claimRefundRequestStep(input)
    const outcomes = executeRefundStep(claimed)
    const recorded = recordRefundOutcomeStep({ requests: claimed, outcomes })
    const succeeded = transform({ recorded }, ({ recorded }) => recorded.filter((r) => r.succeeded).map((r) => refundEventData(r.request!)))
    when("fission-refund-succeeded", { succeeded }, ({ succeeded }) => succeeded.length > 0).then(() => {
      // ahead of default-priority events, as the requests were: what waits on a refund (a group
      // completing, a pre-sale's books) is not queued behind the cascade of bookkeeping each cancel emits
      emitEventStep({ eventName: REFUND_SUCCEEDED_EVENT, data: succeeded, options: { priority: EventPriority.HIGH } }).config({
        name: "emit-refund-succeeded",
      })
    })
    const gaveUp = transform({ recorded }, ({ recorded }) => recorded.filter((r) => r.gave_up).map((r) => refundEventData(r.request!)))
    when("fission-refund-gave-up", { gaveUp }, ({ gaveUp }) => gaveUp.length > 0).then(() => {
      emitEventStep({ eventName: REFUND_FAILED_EVENT, data: gaveUp }).config({ name: "emit-refund-failed" })
    })
    return new WorkflowResponse(recorded)
  }
)
