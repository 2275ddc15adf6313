import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markOrderPaidWorkflow, recordOrderCommissionsWorkflow } from "../workflows/commissions"
import { isOrderCaptured } from "../utils/order-lookup"

/** Holds the order's commissions as pending; providers that capture at checkout make it paid at once. */
export default async function orderPlacedCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderCommissionsWorkflow(container).run({ input: { order_id: event.data.id } })
  if (await isOrderCaptured(container, event.data.id)) {
    await markOrderPaidWorkflow(container).run({ input: { order_id: event.data.id } })
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-distribution-order-placed" },
}
