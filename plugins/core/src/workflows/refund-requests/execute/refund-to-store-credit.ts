import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { RefundRequestRow } from "../../../modules/refund-request"
import { creditStoreCreditOnce, findStoreCreditAccount, findTransaction, storeCreditOf } from "../../../utils/store-credit"
import { orderPayments } from "./order-payments"
import { supersededByCancel } from "./refund-to-payments"

/** Store-credit transactions made by refund requests carry this reference and the request id. */
export const REFUND_STORE_CREDIT_REFERENCE = "fission_refund_request"

async function creditedBefore(container: MedusaContainer, request: RefundRequestRow) {
  const service = storeCreditOf(container)
  const account = await findStoreCreditAccount(service, request.customer_id!, request.currency_code)
  return !!account && !!(await findTransaction(service, { account_id: account.id, reference: REFUND_STORE_CREDIT_REFERENCE, reference_id: request.id }))
}

/**
 * Credits a partial request's amount to the customer's loyalty store credit, once per
 * request (the credit is looked up by reference before crediting, under a lock).
 */
export async function refundToStoreCredit(container: MedusaContainer, request: RefundRequestRow) {
  if (!request.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `order ${request.order_id} has no customer to credit`)
  }
  const order = await orderPayments(container, request.order_id)
  if (order.status === "canceled" && !(await creditedBefore(container, request))) {
    return supersededByCancel(order.id, { total: "0", refunds: [] })
  }
  const { transaction } = await creditStoreCreditOnce(container, {
    customer_id: request.customer_id,
    currency_code: request.currency_code,
    amount: request.amount!,
    reference: REFUND_STORE_CREDIT_REFERENCE,
    reference_id: request.id,
    note: request.note ?? `Refund ${request.cause_key}`,
  })
  return {
    refunded_amount: request.amount!,
    refunds: [{ type: "store_credit" as const, id: transaction.id as string, amount: request.amount }],
  }
}
