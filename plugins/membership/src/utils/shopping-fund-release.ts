import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { shoppingFundRelease } from "./shopping-fund"

export type ShoppingFundReleaseInput = {
  customer_id: string
  /** Only this currency's fund; default every currency the customer holds. */
  currency_code?: string
  rate: string | number
  /** Built per currency by the caller, e.g. `shopping-fund-release:<customer>:<date>`. */
  idempotency_key: (currency_code: string) => string
  reason: string
  source_type: string
  source_id: string
}

/** The customer's main shopping-fund accounts (one per currency). */
export const shoppingFundAccounts = (container: MedusaContainer, customer_id: string) =>
  container
    .resolve<LedgerModuleService>(LEDGER_MODULE)
    .listLedgerAccounts({ owner_type: "customer", owner_id: customer_id, asset: "shopping_fund", purpose: "main" })

/**
 * Releases `available × rate` of a customer's shopping fund into loyalty store
 * credit (SPEC §6.6). Only the *posted* fund is released (`available = posted −
 * pending_out`); pending credits — e.g. a winner's fund before the order is
 * delivered — stay locked. Once per idempotency key: a key already posted is
 * skipped (its amount would differ now, which the ledger would reject as a
 * conflict). Runs under a per-customer lock. Returns what was released.
 */
export async function releaseShoppingFund(container: MedusaContainer, input: ShoppingFundReleaseInput) {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  return container.resolve(Modules.LOCKING).execute(`fission:membership:shopping-fund:${input.customer_id}`, async () => {
    const released: { currency_code: string; amount: string }[] = []
    for (const account of await shoppingFundAccounts(container, input.customer_id)) {
      const currency_code = account.currency_code as string
      if (!currency_code || (input.currency_code && input.currency_code !== currency_code)) continue
      const available = MathBN.sub(MathBN.convert(account.posted as any), MathBN.convert(account.pending_out as any))
      const amount = shoppingFundRelease(available.toString(), input.rate)
      if (!amount) continue
      const idempotency_key = input.idempotency_key(currency_code)
      const [done] = await ledger.listLedgerPostings({ idempotency_key }, { take: 1, select: ["id"] })
      if (done) continue
      await transferToStoreCreditWorkflow(container).run({
        input: {
          customer_id: input.customer_id,
          currency_code,
          amount,
          asset: "shopping_fund",
          idempotency_key,
          reason: input.reason,
          source_type: input.source_type,
          source_id: input.source_id,
        },
      })
      released.push({ currency_code, amount })
    }
    return released
  })
}
