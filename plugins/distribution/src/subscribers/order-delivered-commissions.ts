import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markOrderDeliveredWorkflow } from "../workflows/commissions"
import { orderOfFulfillment } from "@fission/core/utils"

/** Delivery (or completion) starts the commission freeze period. */
export default async function orderDeliveredCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = event.name === "order.completed" ? event.data.id : await orderOfFulfillment(container, event.data.id)
  if (order_id) await markOrderDeliveredWorkflow(container).run({ input: { order_id } })
}

export const config: SubscriberConfig = {
  event: ["delivery.created", "order.completed"],
  context: { subscriberId: "fission-distribution-order-delivered" },
}
