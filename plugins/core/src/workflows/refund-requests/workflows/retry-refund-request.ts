import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RecordedRefundOutcome } from "../steps/record-refund-outcome"
import { validateRefundRetryStep } from "../steps/validate-refund-retry"
import { processRefundRequestWorkflow } from "./process-refund-request"

/** A retry that another process claimed first did not happen here: say so instead of answering with stale data. */
const assertAttemptedStep = createStep("fission-assert-refund-attempted", async ([recorded]: RecordedRefundOutcome[]) => {
  if (!recorded?.request) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "the refund request was just taken by another process; reload to see its outcome")
  }
  return new StepResponse(recorded.request)
})

/**
 * Attempts a failed (or pending) refund request now, whatever its retry schedule and even
 * after the automatic attempts are used up (admin "retry"). 400 when it already succeeded
 * or is being attempted. Returns the request after the attempt.
 */
export const retryRefundRequestWorkflow = createWorkflow("fission-retry-refund-request", (input: { id: string }) => {
  validateRefundRetryStep(input)
  const recorded = processRefundRequestWorkflow.runAsStep({ input: { ids: [input.id], force: true } })
  return new WorkflowResponse(assertAttemptedStep(recorded))
})
