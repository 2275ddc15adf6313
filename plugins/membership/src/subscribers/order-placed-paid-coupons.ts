import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { isOrderCaptured } from "@fission/core/utils"
import { grantOrderPaidCouponsWorkflow } from "../workflows/coupons"

/** Providers that capture at checkout make the order paid when it is placed. */
export default async function orderPlacedPaidCoupons({ event, container }: SubscriberArgs<{ id: string }>) {
  if (await isOrderCaptured(container, event.data.id)) {
    await grantOrderPaidCouponsWorkflow(container).run({ input: { order_id: event.data.id } })
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-membership-order-placed-paid-coupons" },
}
