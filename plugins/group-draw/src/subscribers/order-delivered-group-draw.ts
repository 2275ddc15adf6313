import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfFulfillment } from "@fission/core/utils"
import { releaseWinnerShoppingFundWorkflow } from "../workflows/group-draw"

/** A won order delivered (or completed) unlocks the winner's shopping fund for release. */
export default async function orderDeliveredGroupDraw({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = event.name === "order.completed" ? event.data.id : await orderOfFulfillment(container, event.data.id)
  if (order_id) await releaseWinnerShoppingFundWorkflow(container).run({ input: { order_id } })
}

export const config: SubscriberConfig = {
  event: ["delivery.created", "order.completed"],
  context: { subscriberId: "fission-group-draw-order-delivered" },
}
