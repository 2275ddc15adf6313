import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { onOrderReversed } from "../lifecycle"

export default async function returnReceivedPoints({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await onOrderReversed(container, { order_id: event.data.order_id, cause: "return", cause_id: event.data.return_id })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "fission-membership-return-received" },
}
