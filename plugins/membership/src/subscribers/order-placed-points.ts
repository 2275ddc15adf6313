import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { isOrderCaptured } from "@fission/core/utils"
import { onOrderPaid } from "../lifecycle"

/** Providers that capture at checkout make the order paid when it is placed. */
export default async function orderPlacedPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  if (await isOrderCaptured(container, event.data.id)) await onOrderPaid(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-membership-order-placed" },
}
