import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CreatePromoterInput, ensurePromoterStep } from "../steps/create-promoter"

/**
 * Returns the customer's promoter record, creating it (with a unique referral
 * code) if missing — e.g. lazily on the first `GET /store/fission/referral` in
 * `everyone_is_promoter` mode, or by an admin. Idempotent and race-safe.
 */
export const ensurePromoterWorkflow = createWorkflow(
  "fission-ensure-promoter",
  (input: WorkflowData<CreatePromoterInput>) => new WorkflowResponse(ensurePromoterStep(input))
)
