import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markOrderTimelineStep } from "../steps"

/** `payment.captured`: the order is paid (SPEC §0.3); its commissions may now start their freeze clock. */
export const markOrderPaidWorkflow = createWorkflow("fission-mark-order-paid", (input: { order_id: string }) => {
  return new WorkflowResponse(markOrderTimelineStep({ order_id: input.order_id, event: "paid" }))
})
