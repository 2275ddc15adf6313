import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listDueRefundRequestsStep } from "../steps/list-due-refund-requests"
import { processRefundRequestsStep } from "../steps/process-refund-requests"

export type SweepRefundRequestsWorkflowInput = { as_of: Date | string; limit?: number }

/** Requests attempted per sweep tick (a minute of work at REFUND_CONCURRENCY × ~0.1 s per refund). */
export const SWEEP_BATCH = 500

/** One sweep batch: failed requests whose retry is due and attempts whose lease expired. */
export const sweepRefundRequestsWorkflow = createWorkflow(
  "fission-sweep-refund-requests",
  (input: SweepRefundRequestsWorkflowInput) => {
    const batch = transform({ input }, ({ input }) => ({ as_of: input.as_of, limit: input.limit ?? SWEEP_BATCH }))
    const ids = listDueRefundRequestsStep(batch)
    const processed = processRefundRequestsStep({ ids, as_of: input.as_of })
    return new WorkflowResponse(processed)
  }
)
