import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { debitWalletPaymentStep } from "../steps/debit-wallet-payment"
import { PayFromWalletInput, recordWalletPaymentStep } from "../steps/record-wallet-payment"

export type PayFromWalletWorkflowInput = PayFromWalletInput

/**
 * Pays `amount` from the customer's loyalty store-credit balance, outside a cart
 * (blind-box initiation and opens). Overdraft-proof under any concurrency, idempotent per
 * `idempotency_key` (a replay returns the first payment, `replayed: true`), and resumable
 * after a crash between the record and the debit. A balance that does not cover it → 400,
 * nothing taken. Used as a step of a larger workflow (`payFromWalletWorkflow.runAsStep`),
 * a later failure there credits the payment back.
 *
 * Store credit shows it as a debit with reference `fission_wallet_payment`, reference_id =
 * the wallet payment id. Undo it with refundWalletPaymentWorkflow.
 */
export const payFromWalletWorkflow = createWorkflow("fission-pay-from-wallet", (input: PayFromWalletWorkflowInput) => {
  const recorded = recordWalletPaymentStep(input)
  const payment = transform({ recorded }, ({ recorded }) => recorded.payment)
  const debited = debitWalletPaymentStep(payment)
  return new WorkflowResponse(
    transform({ recorded, debited }, ({ recorded, debited }) => ({ wallet_payment: debited.payment, replayed: !recorded.created }))
  )
})
