import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReviewPromoterInput, reviewPromoterStep } from "../steps/review-promoter"

/**
 * Admin decisions on a promoter: approve / reject (reason required) an
 * application, disable (keeps history, stops referring and earning) or enable.
 * A transition that does not apply to the current status → 400 `not_allowed` naming it.
 */
export const reviewPromoterWorkflow = createWorkflow(
  "fission-review-promoter",
  (input: WorkflowData<ReviewPromoterInput>) => new WorkflowResponse(reviewPromoterStep(input))
)
