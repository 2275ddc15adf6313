import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaContainer } from "@medusajs/framework/types"
import { creditStoreCreditsOnce, storeCreditOf, STORE_CREDIT_MODULE } from "../../../utils/store-credit"

export const creditStoreCreditStepId = "fission-credit-store-credit"
export const creditStoreCreditsStepId = "fission-credit-store-credits"

/** The loyalty plugin's module key (`@medusajs/loyalty-plugin`, PluginModule.STORE_CREDIT). */
export const LOYALTY_STORE_CREDIT_MODULE = STORE_CREDIT_MODULE
export const STORE_CREDIT_REFERENCE = "fission_ledger_posting"

export type CreditStoreCreditInput = {
  customer_id: string
  currency_code: string
  amount: string
  /** The ledger posting that paid for this credit: at most one credit per posting. */
  posting_id: string
  note?: string | null
}

type Credited = { posting_id: string; account_id: string; transaction_id: string; amount: string; replayed: boolean }

/** Credits the customers' loyalty store credit (accounts created if missing), once per ledger posting. */
async function creditPostings(container: MedusaContainer, items: CreditStoreCreditInput[]): Promise<Credited[]> {
  const credited = await creditStoreCreditsOnce(
    container,
    items.map((i) => ({
      customer_id: i.customer_id,
      currency_code: i.currency_code,
      amount: i.amount,
      reference: STORE_CREDIT_REFERENCE,
      reference_id: i.posting_id,
      note: i.note ?? "Fission reward",
    }))
  )
  return credited.map((c, n) => ({
    posting_id: items[n].posting_id,
    account_id: c.account_id,
    transaction_id: c.transaction.id,
    amount: items[n].amount,
    replayed: c.replayed,
  }))
}

/** Takes back the credits a step made (its compensation); replayed credits were an earlier run's. */
async function debitCredited(container: MedusaContainer, credited: Credited[]) {
  const made = credited.filter((c) => !c.replayed)
  if (!made.length) return
  await storeCreditOf(container).debitAccounts(
    made.map((c) => ({
      account_id: c.account_id,
      amount: c.amount,
      reference: `${STORE_CREDIT_REFERENCE}_compensation`,
      reference_id: c.posting_id,
      note: "Fission reward compensation",
    }))
  )
}

/** Credits one customer's store credit for one ledger posting. */
export const creditStoreCreditStep = createStep(
  creditStoreCreditStepId,
  async (input: CreditStoreCreditInput, { container }) => {
    const [c] = await creditPostings(container, [input])
    return new StepResponse({ account_id: c.account_id, transaction_id: c.transaction_id, replayed: c.replayed }, [c])
  },
  async (credited, { container }) => {
    if (credited) await debitCredited(container, credited)
  }
)

/** Credits many customers' store credit, one credit per ledger posting (a pool payout's batch). */
export const creditStoreCreditsStep = createStep(
  creditStoreCreditsStepId,
  async (input: CreditStoreCreditInput[], { container }) => {
    const credited = await creditPostings(container, input)
    return new StepResponse(credited, credited)
  },
  async (credited, { container }) => {
    if (credited) await debitCredited(container, credited)
  }
)
