import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { grantOrderPaidCouponsWorkflow } from "../workflows/coupons"

/** Paid (SPEC §0.3): after-payment coupons (§6.7). */
export default async function orderPaidCoupons({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.customer_id || !order.registered) return
  await grantOrderPaidCouponsWorkflow(container).run({
    input: { order_id: order.id, customer_id: order.customer_id, merchandise_total: order.merchandise_total },
  })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-membership-order-paid-coupons" },
}
