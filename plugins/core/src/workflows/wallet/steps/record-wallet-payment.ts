import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE, WalletModuleService } from "../../../modules/wallet"
import { currency, invalid, key, money } from "./validate"

export const recordWalletPaymentStepId = "fission-record-wallet-payment"

export type PayFromWalletInput = {
  customer_id: string
  currency_code: string
  amount: string | number
  /** Same key = same payment: a replay returns the first payment instead of paying again. */
  idempotency_key: string
  /** What the payment is for, e.g. `blind_box.campaign` / `bb_123`. */
  source_type?: string | null
  source_id?: string | null
  note?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * Records the payment (or finds the earlier one of its key) before any money moves.
 * No compensation: the record of an attempt is history; if nothing was debited it stays
 * pending/failed and a replay with its key resumes it.
 */
export const recordWalletPaymentStep = createStep(recordWalletPaymentStepId, async (input: PayFromWalletInput, { container }) => {
  if (typeof input.customer_id !== "string" || !input.customer_id || input.customer_id.includes("\u0000")) {
    throw invalid("customer_id is required")
  }
  const service = container.resolve<WalletModuleService>(WALLET_MODULE)
  const result = await service.recordPayment({
    idempotency_key: key(input.idempotency_key),
    customer_id: input.customer_id,
    currency_code: currency(input.currency_code),
    amount: money(input.amount),
    source_type: input.source_type ?? null,
    source_id: input.source_id ?? null,
    note: input.note ?? null,
    metadata: input.metadata ?? null,
  })
  return new StepResponse(result)
})
