import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { creditWalletTopUpsWorkflow } from "../workflows/wallet"

type OrderPaid = { order_id?: string; id?: string; lines?: { id: string; variant_id?: string | null; metadata?: Record<string, unknown> | null }[] }

/** A paid order's wallet top-up lines are credited to store credit, once per line (redelivery changes nothing). */
export default async function orderPaidWalletTopUps({ event, container }: SubscriberArgs<OrderPaid>) {
  const order_id = event.data?.order_id ?? event.data?.id
  if (!order_id) return
  await creditWalletTopUpsWorkflow(container).run({
    input: { order_id, lines: Array.isArray(event.data.lines) ? event.data.lines : null },
  })
}

export const config: SubscriberConfig = {
  event: "fission.order.paid",
  context: { subscriberId: "fission-core-order-paid-wallet-top-ups" },
}
