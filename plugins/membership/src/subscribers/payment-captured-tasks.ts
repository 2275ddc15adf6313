import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderOfPayment } from "@fission/core/utils"
import { applyTaskEventWorkflow } from "../workflows/tasks"

/** Paid = captured (SPEC §0.3): order-driven tasks (first purchase, repurchase, invite purchase). */
export default async function paymentCapturedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (order_id) await applyTaskEventWorkflow(container).run({ input: { event: "order_paid", order_id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-membership-tasks-payment-captured" },
}
