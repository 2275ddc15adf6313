import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { processPaidGroupDrawOrder } from "../workflows/group-draw"

/** Paid = captured (SPEC §0.3): the order's campaign line takes its seat; a full group is drawn. */
export default async function paymentCapturedGroupDraw({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (order_id) await processPaidGroupDrawOrder(container, order_id)
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-group-draw-payment-captured" },
}
