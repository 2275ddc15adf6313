import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { giveSeedGiftsStep } from "../steps"

/** The seed-user gifts for a newly registered customer (what the `customer.created` subscriber runs). */
export const giveBlindBoxSeedGiftsWorkflow = createWorkflow(
  "fission-blind-box-seed-gifts",
  (input: { customer_id: string }) => new WorkflowResponse(giveSeedGiftsStep(input))
)
