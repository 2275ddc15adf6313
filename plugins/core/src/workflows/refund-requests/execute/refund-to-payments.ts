import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { RefundRecord, RefundRequestRow } from "../../../modules/refund-request"
import {
  allocateRefund,
  REFUND_REQUEST_METADATA_KEY,
  refundablePayments,
  refundNote,
  refundsOfRequest,
} from "../../../utils/refunds"
import { OrderPayments, orderPayments } from "./order-payments"

const records = (order: OrderPayments, requestId: string) => {
  const mine = refundsOfRequest(order.payments, requestId)
  return {
    total: mine.total,
    refunds: mine.refunds.map((r): RefundRecord => ({ type: "payment_refund", id: r.id, amount: r.amount })),
  }
}

/**
 * A canceled order gave back everything still captured: the rest of a partial request is
 * moot (refunding more, or crediting it, would pay twice).
 */
export const supersededByCancel = (orderId: string, before: { total: string; refunds: RefundRecord[] }) => ({
  refunded_amount: before.total,
  refunds: [...before.refunds, { type: "order_cancel" as const, id: orderId, amount: null }],
})

/**
 * Refunds what is left of a partial request across the order's captured payments, oldest
 * first, each with Medusa's refundPaymentWorkflow. Crash-safe: every Medusa refund carries
 * the request id (metadata and note), and what is left is recomputed from the refunds
 * Medusa recorded, so an attempt after a crash never refunds again what an earlier one did.
 * The caller holds the order's refund lock.
 */
export async function refundToPayments(container: MedusaContainer, request: RefundRequestRow) {
  const order = await orderPayments(container, request.order_id)
  const before = records(order, request.id)
  const remaining = MathBN.sub(request.amount!, before.total)
  if (MathBN.lte(remaining, 0)) return { refunded_amount: before.total, refunds: before.refunds }
  if (order.status === "canceled") return supersededByCancel(order.id, before)

  const payments = order.payments.filter((p) => !p.canceled_at)
  const { allocations, shortfall } = allocateRefund(remaining, refundablePayments(payments))
  if (MathBN.gt(shortfall, 0)) {
    const refundable = MathBN.sub(remaining, shortfall).toString()
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `order ${order.id} has ${refundable} ${order.currency_code.toUpperCase()} captured and not refunded, ` +
        `${remaining.toString()} is needed (is the payment captured?)`
    )
  }
  for (const a of allocations) {
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: a.payment_id,
        amount: a.amount,
        note: refundNote(request.id, request.cause_key),
        // passed through to the Refund row by the payment module (not in the workflow's input type)
        metadata: { [REFUND_REQUEST_METADATA_KEY]: request.id, cause_key: request.cause_key },
      } as any,
    })
  }
  const after = records(await orderPayments(container, request.order_id), request.id)
  return { refunded_amount: after.total, refunds: after.refunds }
}
