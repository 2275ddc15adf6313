import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The loyalty plugin's module key (`@medusajs/loyalty-plugin`). */
const STORE_CREDIT_MODULE = "store_credit"

/** The balance of a loyalty store-credit account, as the loyalty plugin computes it. */
export const readStoreCreditBalanceStep = createStep(
  "fission-distribution-read-store-credit-balance",
  async ({ account_id }: { account_id: string }, { container }) => {
    const storeCredit = container.resolve<any>(STORE_CREDIT_MODULE)
    const stats = await storeCredit.retrieveAccountStats({ account_id })
    return new StepResponse(String(stats.balance))
  }
)
