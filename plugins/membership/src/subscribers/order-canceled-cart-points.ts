import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { returnOrderCartPointsWorkflow } from "../workflows/points-mall"

/** Points spent on the lines of a canceled order come back (SPEC §6.5). */
export default async function orderCanceledCartPoints({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  await returnOrderCartPointsWorkflow(container).run({ input: { order_id: event.data.order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.CANCELED,
  context: { subscriberId: "fission-membership-order-canceled-cart-points" },
}
