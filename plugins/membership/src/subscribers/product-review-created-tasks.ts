import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { onProductReviewedForTasks } from "../lifecycle/tasks"

export default async function productReviewCreatedTasks({ event, container }: SubscriberArgs<{ customer_id: string; product_id: string }>) {
  await onProductReviewedForTasks(container, event.data)
}

export const config: SubscriberConfig = {
  event: "fission.product_review.created",
  context: { subscriberId: "fission-membership-tasks-product-reviewed" },
}
