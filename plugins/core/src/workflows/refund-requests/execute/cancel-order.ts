import { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { RefundRecord, RefundRequestRow } from "../../../modules/refund-request"
import { sumAmounts } from "../../../utils/refunds"
import { cancelOrdersForRefundWorkflow } from "../workflows/cancel-orders-for-refund"
import { cancelMarker, finishDeadCancel } from "./finish-dead-cancel"
import { OrderPayments, orderPayments, ordersPayments } from "./order-payments"
import type { RefundOutcome } from "./outcome"

const refundedTotal = (order: OrderPayments) => sumAmounts(order.payments.flatMap((p) => p.refunds)).toString()

/** A cancel request's result: everything the order had refunded, once it is canceled. */
const canceled = (order: OrderPayments) => {
  const total = refundedTotal(order)
  const refunds: RefundRecord[] = [{ type: "order_cancel", id: order.id, amount: total }]
  return { refunded_amount: total, refunds }
}

/**
 * Cancels the order with Medusa's cancelOrderWorkflow: it refunds whatever is still
 * captured (captured − refunded, so never twice) and voids an authorized payment. An order
 * that is already canceled is done. `mend` (a retry, or after a batch that broke off) first
 * mends what an attempt that died inside a cancel left behind (finishDeadCancel), so the
 * cancel can go through.
 */
export async function cancelOrderForRefund(container: MedusaContainer, request: RefundRequestRow, { mend }: { mend: boolean }) {
  const order = await orderPayments(container, request.order_id)
  if (order.status !== "canceled") {
    if (mend) await finishDeadCancel(container, request.order_id, request.id)
    await cancelOrderWorkflow(container).run({ input: { order_id: request.order_id, canceled_by: cancelMarker(request.id) } })
  }
  return canceled(await orderPayments(container, request.order_id))
}

/**
 * First attempts of full cancels of different orders, together (cancelOrdersForRefundWorkflow):
 * one run for the batch instead of a cancelOrderWorkflow per order. The caller holds the orders'
 * refund locks. Returns an outcome per request; throws when the run broke off as a whole (its
 * compensation ran), and the caller then cancels each alone.
 */
export async function cancelOrdersTogether(container: MedusaContainer, requests: RefundRequestRow[]): Promise<Map<string, RefundOutcome>> {
  const { result } = await cancelOrdersForRefundWorkflow(container).run({
    input: { orders: requests.map((r) => ({ order_id: r.order_id, marker: cancelMarker(r.id) })) },
  })
  const failed = new Map(result.failed.map((f) => [f.order_id, f.error]))
  const orders = await ordersPayments(container, result.canceled)
  const outcomes = new Map<string, RefundOutcome>()
  for (const r of requests) {
    const order = orders.get(r.order_id)
    if (order?.status === "canceled") outcomes.set(r.id, { ok: true, ...canceled(order) })
    else outcomes.set(r.id, { ok: false, error: failed.get(r.order_id) ?? `order ${r.order_id} was not canceled` })
  }
  return outcomes
}
