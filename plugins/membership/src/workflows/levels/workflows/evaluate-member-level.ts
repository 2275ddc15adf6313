import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateMemberLevelStep } from "../steps"

/** Re-evaluates a customer's member level from their growth value (after every growth change). */
export const evaluateMemberLevelWorkflow = createWorkflow(
  "fission-membership-evaluate-member-level",
  (input: { customer_id: string; reason: string }) => new WorkflowResponse(evaluateMemberLevelStep(input))
)
