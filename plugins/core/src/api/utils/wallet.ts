import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
import { LEDGER_ASSETS } from "../../utils/ledger"
import { LOYALTY_STORE_CREDIT_MODULE } from "../../workflows/ledger/steps/credit-store-credit"

const num = (v: string | number) => Number(v)

/**
 * A customer's wallet: one entry per reward asset (zero when never used), each
 * with posted, pending in/out, available and any debt, plus the loyalty plugin's
 * store-credit balances. Amounts are decimal numbers in major units (SPEC §0.7).
 */
export async function walletOf(container: MedusaContainer, customerId: string) {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  const balances = await ledger.retrieveBalances({ owner_type: "customer", owner_id: customerId })
  const assets = LEDGER_ASSETS.filter((a) => a !== "store_credit").map((asset) => {
    const mine = balances.filter((b) => b.asset === asset)
    const main = mine.filter((b) => b.purpose === "main")
    const debt = mine.filter((b) => b.purpose === "debt")
    const currencies = [...new Set(mine.map((b) => b.currency_code))]
    return (currencies.length ? currencies : [null]).map((currency_code) => {
      const m = main.find((b) => b.currency_code === currency_code)
      const d = debt.find((b) => b.currency_code === currency_code)
      return {
        asset,
        currency_code,
        posted: num(m?.posted ?? 0),
        pending_in: num(m?.pending_in ?? 0),
        pending_out: num(m?.pending_out ?? 0),
        available: num(m?.available ?? 0),
        debt: d ? -num(d.posted) : 0,
      }
    })
  })

  const storeCredit = container.resolve<any>(LOYALTY_STORE_CREDIT_MODULE, { allowUnregistered: true })
  const accounts = storeCredit ? await storeCredit.listStoreCreditAccounts({ customer_id: customerId }) : []
  return {
    customer_id: customerId,
    balances: assets.flat(),
    store_credit: accounts.map((a: any) => ({ account_id: a.id, currency_code: a.currency_code, balance: num(a.balance ?? 0) })),
  }
}

export async function assertCustomerExists(container: MedusaContainer, customerId: string) {
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
}
