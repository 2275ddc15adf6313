import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markOrderPaidWorkflow, recordOrderCommissionsWorkflow } from "../workflows/commissions"
import { applyPaidOrderEffectsWorkflow } from "../workflows/team-rewards"
import { orderOfPayment } from "@fission/core/utils"

/** Paid = captured (SPEC §0.3). Recording first makes the order independent of event order. */
export default async function paymentCapturedCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = (await orderOfPayment(container, event.data.id))?.order_id
  if (!order_id) return
  await recordOrderCommissionsWorkflow(container).run({ input: { order_id } })
  await markOrderPaidWorkflow(container).run({ input: { order_id } })
  await applyPaidOrderEffectsWorkflow(container).run({ input: { order_id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "fission-distribution-payment-captured" },
}
