import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { isOrderCaptured } from "@fission/core/utils"
import { applyTaskEventWorkflow } from "../workflows/tasks"

/** Providers that capture at checkout make the order paid when it is placed. */
export default async function orderPlacedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  if (await isOrderCaptured(container, event.data.id)) await applyTaskEventWorkflow(container).run({ input: { event: "order_paid", order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-membership-tasks-order-placed" },
}
