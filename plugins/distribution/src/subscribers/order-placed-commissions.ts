import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { applyPaidOrderEffectsWorkflow } from "../workflows/team-rewards"
import { markOrderPaidWorkflow, recordOrderCommissionsWorkflow } from "../workflows/commissions"
import { bindOnFirstOrderWorkflow } from "../workflows/referral"
import { isOrderCaptured } from "@fission/core/utils"
import { orderReferral } from "../utils/order-lookup"

/**
 * A code carried on the first order binds the buyer first (so the new referrer
 * earns on it), then the order's commissions are held as pending; providers that
 * capture at checkout make it paid at once.
 */
export default async function orderPlacedCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  const order_id = event.data.id
  const { customer_id, code } = await orderReferral(container, order_id)
  if (customer_id && code) {
    await bindOnFirstOrderWorkflow(container).run({ input: { customer_id, code, order_id } })
  }
  await recordOrderCommissionsWorkflow(container).run({ input: { order_id } })
  if (await isOrderCaptured(container, order_id)) {
    await markOrderPaidWorkflow(container).run({ input: { order_id } })
    await applyPaidOrderEffectsWorkflow(container).run({ input: { order_id } })
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fission-distribution-order-placed" },
}
