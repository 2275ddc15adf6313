import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateMemberLevelStep, EvaluateMemberLevelInput } from "../steps"

/**
 * Re-evaluates a customer's member level: after every growth change, and once a
 * year per member under downgrade policy `yearly` (input `yearly`).
 */
export const evaluateMemberLevelWorkflow = createWorkflow(
  "fission-membership-evaluate-member-level",
  (input: EvaluateMemberLevelInput) => new WorkflowResponse(evaluateMemberLevelStep(input))
)
