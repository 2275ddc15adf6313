import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { onOrderReversed } from "../lifecycle"

/** Refund, return or cancel: points and growth follow core's cumulative reversal share (SPEC §0.4). */
export default async function orderReversedPoints({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  const cause = event.name === FissionOrderEvents.CANCELED || order.canceled ? "cancel" : event.name === FissionOrderEvents.RETURNED ? "return" : "refund"
  await onOrderReversed(container, order, cause)
}

export const config: SubscriberConfig = {
  event: [FissionOrderEvents.REFUNDED, FissionOrderEvents.RETURNED, FissionOrderEvents.CANCELED],
  context: { subscriberId: "fission-membership-order-reversed-points" },
}
