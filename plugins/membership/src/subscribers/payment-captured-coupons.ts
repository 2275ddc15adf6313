import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { grantOrderPaidCouponsWorkflow } from "../workflows/coupons"

/** Paid = captured (SPEC §0.3): after-payment coupons (§6.7). */
export default async function paymentCapturedCoupons({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (order_id) await grantOrderPaidCouponsWorkflow(container).run({ input: { order_id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-membership-payment-captured-coupons" },
}
