import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderCommissionsWorkflow } from "../workflows/commissions"
import { orderOfPayment } from "@fission/core/utils"

/** Each refund of the payment reverses its share once (keyed by refund id). */
export default async function paymentRefundedCommissions({ event, container }: SubscriberArgs<{ id: string }>) {
  const payment = await orderOfPayment(container, event.data.id)
  if (!payment?.order_id) return
  for (const refund of payment.refunds) {
    await reverseOrderCommissionsWorkflow(container).run({
      input: {
        order_id: payment.order_id,
        cause: "refund",
        cause_id: refund.id,
        refund: { amount: refund.amount, paid_total: payment.paid_total },
      },
    })
  }
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "fission-distribution-payment-refunded" },
}
