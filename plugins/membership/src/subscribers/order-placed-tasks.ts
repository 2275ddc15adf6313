import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { isOrderCaptured } from "@fission/core/utils"
import { onOrderPaidForTasks } from "../lifecycle/tasks"

/** Providers that capture at checkout make the order paid when it is placed. */
export default async function orderPlacedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  if (await isOrderCaptured(container, event.data.id)) await onOrderPaidForTasks(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-membership-tasks-order-placed" },
}
