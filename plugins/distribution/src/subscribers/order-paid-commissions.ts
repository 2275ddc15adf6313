import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { markOrderPaidWorkflow, recordOrderCommissionsWorkflow } from "../workflows/commissions"
import { applyPaidOrderEffectsWorkflow } from "../workflows/team-rewards"

/** Paid (SPEC §0.3). Recording first (idempotent) makes it independent of the placed event's order. */
export default async function orderPaidCommissions({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  await recordOrderCommissionsWorkflow(container).run({ input: { order } })
  await markOrderPaidWorkflow(container).run({ input: { order_id: order.id } })
  await applyPaidOrderEffectsWorkflow(container).run({ input: { order_id: order.id } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-distribution-order-paid" },
}
