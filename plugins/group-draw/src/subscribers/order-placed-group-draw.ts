import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { isOrderCaptured } from "@fission/core/utils"
import { processPaidGroupDrawOrder } from "../workflows/group-draw"

/** Providers that capture at checkout: the order is paid when placed, so it is seated now. */
export default async function orderPlacedGroupDraw({ event, container }: SubscriberArgs<{ id: string }>) {
  if (await isOrderCaptured(container, event.data.id)) {
    await processPaidGroupDrawOrder(container, event.data.id)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-group-draw-order-placed" },
}
