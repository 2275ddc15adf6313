import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import {
  closePresaleCampaignStep,
  CloseAction,
  dispatchPresaleRefundsStep,
  drawPresaleFreeOrdersStep,
  joinPresaleOrderStep,
  planPresaleRefundsStep,
  reconcilePresaleRefundOutcomesStep,
} from "../steps"

/** A paid order joins its pre-sale (numbered at capture); a late one gets a full refund row. */
export const joinPresaleOrderWorkflow = createWorkflow("fission-presale-join-order", (input: { order: FissionOrder }) => {
  return new WorkflowResponse(joinPresaleOrderStep(input))
})

/** Draws the free-order rounds the count has reached, in order. */
export const drawPresaleFreeOrdersWorkflow = createWorkflow("fission-presale-draw-free-orders", (input: { campaign_id: string }) => {
  return new WorkflowResponse(drawPresaleFreeOrdersStep(input))
})

/** One refund pass (owed − already requested) and the hand-over of its rows to core's refund requests. */
export const settlePresaleRefundsWorkflow = createWorkflow(
  "fission-presale-settle-refunds",
  (input: { campaign_id: string; participant_ids?: string[] | null }) => {
    const planned = planPresaleRefundsStep(input)
    const dispatched = dispatchPresaleRefundsStep(transform({ input, planned }, ({ input }) => ({ campaign_id: input.campaign_id })))
    return new WorkflowResponse(transform({ planned, dispatched }, ({ planned, dispatched }) => ({ planned, dispatched })))
  }
)

/**
 * Refund rows whose core request reached its outcome without the pre-sale hearing of it (a
 * lost `fission.refund.succeeded|failed`) record it, as the event would have.
 */
export const reconcilePresaleRefundOutcomesWorkflow = createWorkflow("fission-presale-reconcile-refund-outcomes", () => {
  return new WorkflowResponse(reconcilePresaleRefundOutcomesStep({}))
})

/**
 * Ends a campaign (close at its final tier, failed below the minimum, or canceled by the
 * admin), draws any round still due (closed only), then refunds: the final tier for a closed
 * campaign, everything for a failed or canceled one.
 */
export const closePresaleCampaignWorkflow = createWorkflow(
  "fission-presale-close-campaign",
  (input: { campaign_id: string; action: CloseAction; reason?: string | null }) => {
    const campaign = closePresaleCampaignStep(input)
    const ref = transform({ input, campaign }, ({ input }) => ({ campaign_id: input.campaign_id }))
    drawPresaleFreeOrdersStep(ref)
    const planned = planPresaleRefundsStep(ref)
    const dispatched = dispatchPresaleRefundsStep(transform({ ref, planned }, ({ ref }) => ref))
    return new WorkflowResponse(transform({ campaign, planned, dispatched }, (x) => x))
  }
)
export * from "./add-to-cart"
