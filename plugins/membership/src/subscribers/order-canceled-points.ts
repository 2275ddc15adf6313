import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { onOrderReversed } from "../lifecycle"

export default async function orderCanceledPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  await onOrderReversed(container, { order_id: event.data.id, cause: "cancel", cause_id: event.data.id })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "fission-membership-order-canceled" },
}
