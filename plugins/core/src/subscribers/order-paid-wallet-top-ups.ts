import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "../utils/order-lifecycle"
import { isTopUpLine } from "../utils/wallet"
import { creditWalletTopUpsWorkflow } from "../workflows/wallet"

/** A paid order's wallet top-up lines are credited to store credit, once per line (redelivery changes nothing). */
export default async function orderPaidWalletTopUps({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.lines.some(isTopUpLine)) return
  await creditWalletTopUpsWorkflow(container).run({ input: { order_id: order.id, lines: order.lines } })
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PAID,
  context: { subscriberId: "fission-core-order-paid-wallet-top-ups" },
}
