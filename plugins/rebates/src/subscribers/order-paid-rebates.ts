import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { recordRebateOrderWorkflow } from "../workflows/consumption"

/** Paid (SPEC §0.3): the order joins the month's consumption; levels and awards follow. */
export default async function orderPaidRebates({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  await recordRebateOrderWorkflow(container).run({ input: { order: event.data.order } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-rebates-order-paid" },
}
