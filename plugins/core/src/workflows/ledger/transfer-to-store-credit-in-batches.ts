import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
import { creditStoreCreditsOnce } from "../../utils/store-credit"
import { STORE_CREDIT_REFERENCE } from "./steps/credit-store-credit"
import { storeCreditPostingOf, TransferToStoreCreditWorkflowInput } from "./workflows/transfer-to-store-credit"

/**
 * Many store-credit transfers at once (a month's pool paid to every holder): per batch,
 * the ledger postings in one call, then the loyalty credits of those postings in one
 * call. No compensation, on purpose: both halves are idempotent (posting keys, one credit
 * per posting), so a failure half-way is finished by calling again with the same entries,
 * and nothing is reversed that a retry would replay. A key that an earlier attempt used
 * for another amount (it paid from other balances) stays paid once and is not credited
 * again.
 */
export async function transferToStoreCreditInBatches(
  container: MedusaContainer,
  entries: TransferToStoreCreditWorkflowInput[],
  batchSize = 500
): Promise<{ paid: number; replayed: number }> {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  let paid = 0
  let replayed = 0
  for (let i = 0; i < entries.length; i += batchSize) {
    const batch = entries.slice(i, i + batchSize)
    let posted: { entry: TransferToStoreCreditWorkflowInput; posting: any; replayed: boolean }[]
    try {
      const results = await ledger.post(batch.map(storeCreditPostingOf))
      posted = results.map((r, n) => ({ entry: batch[n], posting: r.posting, replayed: r.replayed }))
    } catch (e: any) {
      if (e?.type !== MedusaError.Types.DUPLICATE_ERROR) throw e
      posted = []
      for (const entry of batch) {
        try {
          const [r] = await ledger.post([storeCreditPostingOf(entry)])
          posted.push({ entry, posting: r.posting, replayed: r.replayed })
        } catch (one: any) {
          if (one?.type !== MedusaError.Types.DUPLICATE_ERROR) throw one
          replayed++
        }
      }
    }
    const credits = await creditStoreCreditsOnce(
      container,
      posted.map(({ entry, posting }) => ({
        customer_id: entry.customer_id,
        currency_code: entry.currency_code,
        amount: String(posting.amount),
        reference: STORE_CREDIT_REFERENCE,
        reference_id: posting.id,
        note: entry.note ?? "Fission reward",
      }))
    )
    for (const c of credits) c.replayed ? replayed++ : paid++
  }
  return { paid, replayed }
}
