import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { cancelOrderCommissionsWorkflow, reverseOrderCommissionsWorkflow } from "../workflows/commissions"

/** Refund, return or cancel: commissions follow core's cumulative reversal shares (SPEC §0.4). */
export default async function orderReversedCommissions({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (event.name === FissionOrderEvents.CANCELED || order.canceled) {
    await cancelOrderCommissionsWorkflow(container).run({ input: { order } })
  } else {
    const cause = event.name === FissionOrderEvents.RETURNED ? "return" : "refund"
    await reverseOrderCommissionsWorkflow(container).run({ input: { order, cause } })
  }
}

export const config: SubscriberConfig = {
  event: [FissionOrderEvents.REFUNDED, FissionOrderEvents.RETURNED, FissionOrderEvents.CANCELED],
  context: { subscriberId: "fission-distribution-order-reversed" },
}
