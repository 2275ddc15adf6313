import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { recordOrderCommissionsWorkflow } from "../workflows/commissions"
import { bindOnFirstOrderWorkflow } from "../workflows/referral"

/**
 * A code carried on the first order (`metadata.referral_code`) binds the buyer
 * first, so the new referrer earns on it; then the order's commissions are held
 * as pending until it is paid, delivered and past the freeze period.
 */
export default async function orderPlacedCommissions({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  const code = order.metadata?.referral_code
  if (order.customer_id && order.registered && typeof code === "string" && code.trim()) {
    await bindOnFirstOrderWorkflow(container).run({ input: { customer_id: order.customer_id, code, order_id: order.id } })
  }
  await recordOrderCommissionsWorkflow(container).run({ input: { order } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PLACED,
  context: { subscriberId: "fission-distribution-order-placed" },
}
