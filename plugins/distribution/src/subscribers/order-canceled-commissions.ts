import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderCommissionsWorkflow } from "../workflows/commissions"

export default async function orderCanceledCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOrderCommissionsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "fission-distribution-order-canceled" },
}
