import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ApplyForPromoterInput, applyForPromoterStep } from "../steps/apply-for-promoter"

/**
 * A customer applies to become a promoter (SPEC §2.3, promoter_mode `apply`).
 * The record is created `applied` with a reserved referral code that starts
 * working once an admin approves it. Never a fee (§0.6).
 */
export const applyForPromoterWorkflow = createWorkflow(
  "fission-apply-for-promoter",
  (input: WorkflowData<ApplyForPromoterInput>) => new WorkflowResponse(applyForPromoterStep(input))
)
