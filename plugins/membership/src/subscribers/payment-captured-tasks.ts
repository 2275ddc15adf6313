import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { onOrderPaidForTasks } from "../lifecycle/tasks"

/** Paid = captured (SPEC §0.3): order-driven tasks (first purchase, repurchase, invite purchase). */
export default async function paymentCapturedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (order_id) await onOrderPaidForTasks(container, order_id)
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-membership-tasks-payment-captured" },
}
