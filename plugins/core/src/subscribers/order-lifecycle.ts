import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MEDUSA_LIFECYCLE_EVENTS, MedusaLifecycleEvent, publishOrderLifecycleWorkflow } from "../workflows/order-lifecycle"

/**
 * Fission's only subscriber to Medusa's order/payment lifecycle (and to core's own
 * refunds to store credit, which bypass the payment): feature plugins subscribe to
 * the `fission.order.*` events this publishes (see publishOrderLifecycleWorkflow),
 * never to Medusa's own.
 */
export default async function orderLifecycle({ event, container }: SubscriberArgs<Record<string, any>>) {
  await publishOrderLifecycleWorkflow(container).run({ input: { event: event.name as MedusaLifecycleEvent, data: event.data } })
}

export const config: SubscriberConfig = {
  event: Object.keys(MEDUSA_LIFECYCLE_EVENTS),
  context: { subscriberId: "fission-core-order-lifecycle" },
}
