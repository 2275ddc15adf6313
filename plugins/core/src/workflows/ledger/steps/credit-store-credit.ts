import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const creditStoreCreditStepId = "fission-credit-store-credit"

/** The loyalty plugin's module key (`@medusajs/loyalty-plugin`, PluginModule.STORE_CREDIT). */
export const LOYALTY_STORE_CREDIT_MODULE = "store_credit"
export const STORE_CREDIT_REFERENCE = "fission_ledger_posting"

export type CreditStoreCreditInput = {
  customer_id: string
  currency_code: string
  amount: string
  /** The ledger posting that paid for this credit: at most one credit per posting. */
  posting_id: string
  note?: string | null
}

/**
 * The customer's loyalty store-credit account in `currency_code`, created on first use.
 * Concurrent first payouts (parallel conversions, a group's red-envelope shares) race on
 * the loyalty plugin's unique (customer_id, currency_code) index: the database lets one
 * create win, and every loser re-reads the winner's account instead of failing. The
 * lock on the posting id does not help here — each payout has its own posting.
 */
export async function ensureStoreCreditAccount(storeCredit: any, customer_id: string, currency_code: string): Promise<{ id: string }> {
  // listAndCount, not list: the plugin's list override also computes every account's balance
  const find = async () => (await storeCredit.listAndCountStoreCreditAccounts({ customer_id, currency_code }))[0][0]
  const existing = await find()
  if (existing) return existing
  try {
    const [created] = await storeCredit.createStoreCreditAccounts([{ customer_id, currency_code }])
    return created
  } catch (e) {
    // the unique index refused a second account: a concurrent payout created it first
    const winner = await find()
    if (winner) return winner
    throw e
  }
}

/**
 * Credits the customer's loyalty store-credit account (created if missing), once
 * per ledger posting: the check and the credit run under a lock on the posting id,
 * so redelivery or a concurrent retry cannot credit twice.
 */
export const creditStoreCreditStep = createStep(
  creditStoreCreditStepId,
  async (input: CreditStoreCreditInput, { container }) => {
    const storeCredit = container.resolve<any>(LOYALTY_STORE_CREDIT_MODULE, { allowUnregistered: true })
    if (!storeCredit) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "@medusajs/loyalty-plugin must be installed to pay store credit")
    }
    const locking = container.resolve(Modules.LOCKING)
    return await locking.execute(`fission:store-credit:${input.posting_id}`, async () => {
      const account = await ensureStoreCreditAccount(storeCredit, input.customer_id, input.currency_code.toLowerCase())
      const [existing] = await storeCredit.listAccountTransactions({
        reference: STORE_CREDIT_REFERENCE,
        reference_id: input.posting_id,
      })
      if (existing) return new StepResponse({ account_id: account.id, transaction_id: existing.id, replayed: true }, null)
      const [transaction] = await storeCredit.creditAccounts([
        {
          account_id: account.id,
          amount: input.amount,
          reference: STORE_CREDIT_REFERENCE,
          reference_id: input.posting_id,
          note: input.note ?? "Fission reward",
        },
      ])
      return new StepResponse(
        { account_id: account.id, transaction_id: transaction.id, replayed: false },
        { account_id: account.id, amount: input.amount, posting_id: input.posting_id }
      )
    })
  },
  async (credited, { container }) => {
    if (!credited) return
    const storeCredit = container.resolve<any>(LOYALTY_STORE_CREDIT_MODULE)
    await storeCredit.debitAccounts([
      {
        account_id: credited.account_id,
        amount: credited.amount,
        reference: `${STORE_CREDIT_REFERENCE}_compensation`,
        reference_id: credited.posting_id,
        note: "Fission reward compensation",
      },
    ])
  }
)
