import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE, WalletModuleService, WalletPaymentRefundRow } from "../../../modules/wallet"
import { creditStoreCreditOnce } from "../../../utils/store-credit"
import { WALLET_REFERENCES } from "../../../utils/wallet"

export const creditWalletRefundStepId = "fission-credit-wallet-refund"

/**
 * Credits the reserved refund to store credit once (looked up by reference under a lock,
 * so a replay after a crash credits nothing twice) and marks it succeeded. No
 * compensation: like a Medusa refund, money given back is not taken again — a workflow
 * that refunds a wallet payment does it as its last step.
 */
export const creditWalletRefundStep = createStep(
  creditWalletRefundStepId,
  async (refund: WalletPaymentRefundRow, { container }) => {
    if (refund.status === "succeeded") return new StepResponse(refund)
    const { transaction } = await creditStoreCreditOnce(container, {
      customer_id: refund.customer_id,
      currency_code: refund.currency_code,
      amount: refund.amount,
      reference: WALLET_REFERENCES.refund,
      reference_id: refund.id,
      note: refund.note ?? `Refund of wallet payment ${refund.wallet_payment_id}`,
    })
    const done = await container.resolve<WalletModuleService>(WALLET_MODULE).markRefundSucceeded(refund.id, transaction.id)
    return new StepResponse(done!)
  }
)
