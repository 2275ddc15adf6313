import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markOrderTimelineStep } from "../steps"

/** `delivery.created` / `order.completed`: delivery starts the freeze period (default 7 days). */
export const markOrderDeliveredWorkflow = createWorkflow(
  "fission-mark-order-delivered",
  (input: { order_id: string }) => new WorkflowResponse(markOrderTimelineStep({ order_id: input.order_id, event: "delivered" }))
)
