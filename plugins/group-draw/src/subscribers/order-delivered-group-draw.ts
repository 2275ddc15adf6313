import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { releaseWinnerShoppingFundWorkflow } from "../workflows/group-draw"
import { GROUP_DRAW_LINE_KIND } from "../utils"

/** A won order delivered (or completed) unlocks the winner's shopping fund for release. */
export default async function orderDeliveredGroupDraw({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.lines.some((l) => l.campaign?.kind === GROUP_DRAW_LINE_KIND)) return
  await releaseWinnerShoppingFundWorkflow(container).run({ input: { order_id: order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.DELIVERED,
  context: { subscriberId: "fission-group-draw-order-delivered" },
}
