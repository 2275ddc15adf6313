import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { onOrderPaid } from "../lifecycle"

/** Paid = captured (SPEC §0.3). */
export default async function paymentCapturedPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (order_id) await onOrderPaid(container, order_id)
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-membership-payment-captured" },
}
