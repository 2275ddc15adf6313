import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { placeCartPointsWorkflow } from "../workflows/points-mall"

/** Posts the points reserved on the order's cart (a redelivery finds nothing left to post). */
export default async function orderPlacedCartPoints({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (order.cart_id) await placeCartPointsWorkflow(container).run({ input: { cart_id: order.cart_id, order_id: order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PLACED,
  context: { subscriberId: "fission-membership-order-placed-cart-points" },
}
