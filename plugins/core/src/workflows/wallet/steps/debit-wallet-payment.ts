import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE, WalletModuleService, WalletPaymentRow } from "../../../modules/wallet"
import { creditStoreCreditOnce, findStoreCreditAccount, findTransaction, storeCreditOf } from "../../../utils/store-credit"
import { WALLET_REFERENCES } from "../../../utils/wallet"

export const debitWalletPaymentStepId = "fission-debit-wallet-payment"

export const walletPaymentLockKey = (id: string) => `fission:wallet-payment:${id}`

type Debited = { payment: WalletPaymentRow; debited_now: boolean }

const notCovered = (payment: WalletPaymentRow, balance: unknown) =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `insufficient store credit: the balance of ${Number(balance ?? 0).toFixed(2)} ${payment.currency_code.toUpperCase()} ` +
      `does not cover ${payment.amount}`
  )

/**
 * Debits the customer's store credit for the payment, once. Under a lock on the payment,
 * it re-reads the payment and looks for an earlier debit with its reference (a crash after
 * the debit is resumed without a second one); the debit itself is the loyalty module's,
 * which locks the account row FOR UPDATE before checking the balance, so concurrent
 * payments can never overdraw it. A balance that does not cover the amount marks the
 * payment failed (nothing taken) and answers 400.
 * Compensation (a later step of the calling workflow failed): credits the amount back
 * (reference `fission_wallet_payment_reversal`) and marks the payment reversed — only
 * for a payment this run completed, never for a replay of one that had succeeded.
 */
export const debitWalletPaymentStep = createStep(
  debitWalletPaymentStepId,
  async (payment: WalletPaymentRow, { container }) => {
    const service = container.resolve<WalletModuleService>(WALLET_MODULE)
    const result = await container.resolve(Modules.LOCKING).execute(
      walletPaymentLockKey(payment.id),
      async (): Promise<Debited> => {
        const current = await service.retrievePaymentRow(payment.id)
        if (current.status === "succeeded") return { payment: current, debited_now: false }
        if (current.status === "reversed") {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `wallet payment ${current.id} was reversed; use a new idempotency_key`)
        }
        const storeCredit = storeCreditOf(container)
        const account = await findStoreCreditAccount(storeCredit, current.customer_id, current.currency_code)
        if (!account) {
          await service.transitionPayment(current.id, ["pending", "failed"], "failed", { failure_reason: "no store credit account" })
          throw notCovered(current, 0)
        }
        const earlier = await findTransaction(storeCredit, {
          account_id: account.id,
          reference: WALLET_REFERENCES.payment,
          reference_id: current.id,
        })
        let transactionId = earlier?.id as string | undefined
        if (!transactionId) {
          try {
            const [debit] = await storeCredit.debitAccounts([
              {
                account_id: account.id,
                amount: current.amount,
                reference: WALLET_REFERENCES.payment,
                reference_id: current.id,
                note: current.note ?? `Wallet payment ${current.source_type ?? ""} ${current.source_id ?? ""}`.trim(),
              },
            ])
            transactionId = debit.id
          } catch (e: any) {
            if (!/insufficient/i.test(String(e?.message))) throw e
            await service.transitionPayment(current.id, ["pending", "failed"], "failed", { failure_reason: "insufficient balance" })
            throw notCovered(current, account.balance)
          }
        }
        const paid = await service.transitionPayment(current.id, ["pending", "failed"], "succeeded", {
          store_credit_account_id: account.id,
          transaction_id: transactionId,
        })
        // this run completed the payment (fresh, or resumed after a crash before it was marked): it may reverse it
        return { payment: paid!, debited_now: true }
      },
      { timeout: 30 }
    )
    return new StepResponse(result, result.debited_now ? result.payment : null)
  },
  async (debited, { container }) => {
    if (!debited) return
    await creditStoreCreditOnce(container, {
      customer_id: debited.customer_id,
      currency_code: debited.currency_code,
      amount: debited.amount,
      reference: WALLET_REFERENCES.payment_reversal,
      reference_id: debited.id,
      note: "Wallet payment reversed",
    })
    await container.resolve<WalletModuleService>(WALLET_MODULE).transitionPayment(debited.id, ["succeeded"], "reversed")
  }
)
