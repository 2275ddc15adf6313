import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { returnOrderCartPointsWorkflow } from "../workflows/points-mall"

/** Points spent on the lines of a canceled order come back (SPEC §6.5). */
export default async function orderCanceledCartPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  await returnOrderCartPointsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "fission-membership-order-canceled-cart-points" },
}
