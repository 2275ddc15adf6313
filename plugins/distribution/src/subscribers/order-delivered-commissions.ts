import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { markOrderDeliveredWorkflow } from "../workflows/commissions"

/** Delivery (or completion) starts the commission freeze period. */
export default async function orderDeliveredCommissions({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  await markOrderDeliveredWorkflow(container).run({ input: { order_id: event.data.order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.DELIVERED,
  context: { subscriberId: "fission-distribution-order-delivered" },
}
