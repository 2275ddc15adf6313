import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { creditWalletRefundStep } from "../steps/credit-wallet-refund"
import { RefundWalletPaymentInput, reserveWalletRefundStep } from "../steps/reserve-wallet-refund"

export type RefundWalletPaymentWorkflowInput = RefundWalletPaymentInput

/**
 * Gives a wallet payment back to store credit, in full (no amount) or in part, once per
 * `idempotency_key`; the refunds of a payment never add up to more than it paid (decided
 * under its row lock). Store credit shows a credit with reference
 * `fission_wallet_payment_refund`, reference_id = the refund id.
 */
export const refundWalletPaymentWorkflow = createWorkflow("fission-refund-wallet-payment", (input: RefundWalletPaymentWorkflowInput) => {
  const reserved = reserveWalletRefundStep(input)
  const refund = transform({ reserved }, ({ reserved }) => reserved.refund)
  const credited = creditWalletRefundStep(refund)
  return new WorkflowResponse(
    transform({ reserved, credited }, ({ reserved, credited }) => ({ refund: credited, replayed: !reserved.created }))
  )
})
