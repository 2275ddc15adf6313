import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { processRefundRequestsStep } from "../steps/process-refund-requests"

export type ProcessRefundRequestsWorkflowInput = { ids: string[]; force?: boolean; as_of?: Date | string }

/**
 * Attempts several refund requests now, each in its own run (see processRefundRequestWorkflow),
 * a few at a time. Returns per id whether it was attempted and its status afterwards.
 */
export const processRefundRequestsWorkflow = createWorkflow(
  "fission-process-refund-requests",
  (input: ProcessRefundRequestsWorkflowInput) => new WorkflowResponse(processRefundRequestsStep(input))
)
