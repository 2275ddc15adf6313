import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderCommissionsWorkflow } from "../workflows/commissions"
import { returnedItems } from "@fission/core/utils"

export default async function returnReceivedCommissions({
  event,
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  const returned = await returnedItems(container, event.data.return_id)
  if (!returned.length) return
  await reverseOrderCommissionsWorkflow(container).run({
    input: { order_id: event.data.order_id, cause: "return", cause_id: event.data.return_id, returned },
  })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "fission-distribution-return-received" },
}
