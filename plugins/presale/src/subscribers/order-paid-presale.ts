import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { processPaidPresaleOrder } from "../workflows/presale"
import { PRESALE_LINE_KIND } from "../utils"

/** Paid (SPEC §0.3): the order's pre-sale line gets its participant number; due draws and refunds follow. */
export default async function orderPaidPresale({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.lines.some((l) => l.campaign?.kind === PRESALE_LINE_KIND)) return
  await processPaidPresaleOrder(container, order)
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-presale-order-paid" },
}
