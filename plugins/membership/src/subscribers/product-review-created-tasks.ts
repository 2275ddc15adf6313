import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { applyTaskEventWorkflow } from "../workflows/tasks"

export default async function productReviewCreatedTasks({ event, container }: SubscriberArgs<{ customer_id: string; product_id: string }>) {
  if (!event.data?.customer_id || !event.data?.product_id) return
  await applyTaskEventWorkflow(container).run({
    input: { event: "product_reviewed", customer_id: event.data.customer_id, product_id: event.data.product_id },
  })
}

export const config: SubscriberConfig = {
  event: "fission.product_review.created",
  context: { subscriberId: "fission-membership-tasks-product-reviewed" },
}
