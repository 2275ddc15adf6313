import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { onOrderReversed } from "../lifecycle"

/** Reverses points and growth in proportion to what was refunded, keyed by the newest refund id. */
export default async function paymentRefundedPoints({ event, container }: SubscriberArgs<{ id: string }>) {
  const payment = await orderOfPayment(container, event.data.id)
  if (!payment?.order_id || !payment.refunds.length) return
  // the plan reads every refund of the order, so one key per event suffices; a
  // redelivery finds nothing left to reverse
  const cause_id = payment.refunds.map((r: { id: string }) => r.id).sort().join("+")
  await onOrderReversed(container, { order_id: payment.order_id, cause: "refund", cause_id })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "fission-membership-payment-refunded" },
}
