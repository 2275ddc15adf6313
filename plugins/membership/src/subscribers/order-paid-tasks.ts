import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { applyTaskEventWorkflow } from "../workflows/tasks"

/** Paid (SPEC §0.3): order-driven tasks (first purchase, repurchase, invite purchase). */
export default async function orderPaidTasks({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.registered) return
  await applyTaskEventWorkflow(container).run({ input: { event: "order_paid", order_id: order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-membership-order-paid-tasks" },
}
