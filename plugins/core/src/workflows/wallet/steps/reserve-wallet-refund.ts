import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE, WalletModuleService } from "../../../modules/wallet"
import { invalid, key, money } from "./validate"

export const reserveWalletRefundStepId = "fission-reserve-wallet-refund"

export type RefundWalletPaymentInput = {
  wallet_payment_id: string
  /** Default: everything not refunded yet. */
  amount?: string | number | null
  /** Same key = same refund: a replay refunds nothing more. */
  idempotency_key: string
  reason?: string | null
  note?: string | null
}

/**
 * Reserves the refund: never more than paid minus refunded, decided under the payment's
 * row lock. Compensation releases a reservation this run made that was never credited.
 */
export const reserveWalletRefundStep = createStep(
  reserveWalletRefundStepId,
  async (input: RefundWalletPaymentInput, { container }) => {
    if (typeof input.wallet_payment_id !== "string" || !input.wallet_payment_id) throw invalid("wallet_payment_id is required")
    const service = container.resolve<WalletModuleService>(WALLET_MODULE)
    const result = await service.reserveRefund({
      wallet_payment_id: input.wallet_payment_id,
      idempotency_key: key(input.idempotency_key),
      amount: input.amount === undefined || input.amount === null ? null : money(input.amount),
      reason: input.reason ?? null,
      note: input.note ?? null,
    })
    return new StepResponse(result, result.created ? result.refund.id : null)
  },
  async (refundId, { container }) => {
    if (!refundId) return
    await container.resolve<WalletModuleService>(WALLET_MODULE).releaseRefund(refundId)
  }
)
