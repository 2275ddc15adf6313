import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { reverseRebateOrderWorkflow } from "../workflows/consumption"

/** Refund, return or cancel: the month's consumption follows core's cumulative reversal (SPEC §0.4). */
export default async function orderReversedRebates({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  await reverseRebateOrderWorkflow(container).run({ input: { order: event.data.order } })
}

export const config: SubscriberConfig = {
  event: [FissionOrderEvents.REFUNDED, FissionOrderEvents.RETURNED, FissionOrderEvents.CANCELED],
  context: { subscriberId: "fission-rebates-order-reversed" },
}
