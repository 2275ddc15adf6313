import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reevaluateUplinesStep } from "../steps/reevaluate-uplines"

/** Re-evaluates the uplines of customers whose orders changed since `since` (the catch-up job). */
export const reevaluateUplinesWorkflow = createWorkflow(
  "fission-rebates-reevaluate-uplines",
  (input: { since: string; limit?: number }) => new WorkflowResponse(reevaluateUplinesStep(input))
)
