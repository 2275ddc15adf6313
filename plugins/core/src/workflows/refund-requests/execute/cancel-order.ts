import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { RefundRecord, RefundRequestRow } from "../../../modules/refund-request"
import { cancelMarker, finishDeadCancel } from "./finish-dead-cancel"
import { orderPayments } from "./order-payments"

const refundedTotal = (order: Awaited<ReturnType<typeof orderPayments>>) =>
  order.payments
    .flatMap((p) => p.refunds)
    .reduce((acc, r) => MathBN.add(acc, r.raw_amount ?? r.amount ?? 0), MathBN.convert(0))
    .toString()

/**
 * Cancels the order with Medusa's cancelOrderWorkflow: it refunds whatever is still
 * captured (captured − refunded, so never twice) and voids an authorized payment. An order
 * that is already canceled is done; a retry first mends what an attempt that died inside the
 * cancel left behind (finishDeadCancel), so the cancel can go through.
 */
export async function cancelOrderForRefund(container: MedusaContainer, request: RefundRequestRow) {
  const order = await orderPayments(container, request.order_id)
  if (order.status !== "canceled") {
    if (request.attempts > 1) await finishDeadCancel(container, request.order_id, request.id)
    await cancelOrderWorkflow(container).run({ input: { order_id: request.order_id, canceled_by: cancelMarker(request.id) } })
  }
  const total = refundedTotal(await orderPayments(container, request.order_id))
  const refunds: RefundRecord[] = [{ type: "order_cancel", id: request.order_id, amount: total }]
  return { refunded_amount: total, refunds }
}
