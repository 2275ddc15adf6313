import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { onOrderPaid } from "../lifecycle"

/** Paid (SPEC §0.3): points and growth, then the member level. */
export default async function orderPaidPoints({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  await onOrderPaid(container, event.data.order)
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-membership-order-paid-points" },
}
