import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { placeCartPointsWorkflow } from "../workflows/points-mall"

/** Posts the points reserved on the order's cart (a redelivery finds nothing left to post). */
export default async function orderPlacedCartPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: event.data.id } })
  const cart_id = data[0]?.cart?.id
  if (!cart_id) return
  await placeCartPointsWorkflow(container).run({ input: { cart_id, order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-membership-order-placed-cart-points" },
}
