import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ClaimInput, deliverClaimStep, takeClaimStep } from "../steps/claims"

/**
 * The winner's claim (SPEC §7.2), once: the product as a zero-price Medusa order to their
 * shipping address (fulfilled as usual), or the template's vouchers instead.
 */
export const claimBlindBoxPrizeWorkflow = createWorkflow("fission-blind-box-claim", (input: ClaimInput) => {
  const campaign = takeClaimStep(input)
  const delivered = deliverClaimStep(transform({ campaign, input }, (d) => d))
  return new WorkflowResponse(transform({ campaign, delivered }, ({ campaign, delivered }) => ({ campaign_id: campaign.id, choice: campaign.claim, order_id: delivered.order_id })))
})
