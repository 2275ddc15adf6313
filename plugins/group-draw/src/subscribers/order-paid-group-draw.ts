import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { processPaidGroupDrawOrder } from "../workflows/group-draw"
import { GROUP_DRAW_LINE_KIND } from "../utils"

/** Paid (SPEC §0.3): the order's campaign line takes its seat; a full group is drawn. */
export default async function orderPaidGroupDraw({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.lines.some((l) => l.campaign?.kind === GROUP_DRAW_LINE_KIND)) return
  await processPaidGroupDrawOrder(container, order.id)
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-group-draw-order-paid" },
}
