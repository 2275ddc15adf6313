import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { decodeHistoryCursor } from "./cursor"
import { HistoryLine, ledgerLine } from "./lines"
import { HistoryPart, mergeHistory } from "./merge"
import { storeCreditPart } from "./store-credit"

export { decodeHistoryCursor, encodeHistoryCursor } from "./cursor"
export type { HistoryLine } from "./lines"

/**
 * A customer's wallet history, newest first: ledger postings of every asset the
 * wallet shows, and — as asset `store_credit` — the transactions of their loyalty
 * store-credit accounts, since the wallet shows that balance and it also changes
 * outside the ledger (checkout, refunds to store credit, Medusa's admin). The
 * ledger's own `store_credit` postings are platform-side records of those payouts
 * and are not repeated. One cursor pages both sources.
 */
export async function historyFor(
  container: MedusaContainer,
  customerId: string,
  query: { asset?: string; limit: number; cursor?: string }
) {
  const before = query.cursor ? decodeHistoryCursor(query.cursor) : null
  if (query.cursor && !before) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "cursor must be a next_cursor returned by this route")
  }
  const parts: Promise<HistoryPart<HistoryLine>>[] = []
  if (query.asset !== "store_credit") {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    parts.push(
      ledger
        .listHistory({
          owner_type: "customer",
          owner_id: customerId,
          asset: query.asset,
          exclude_assets: ["store_credit"],
          limit: query.limit,
          before: before ?? undefined,
        })
        .then(({ postings, next_cursor }) => ({ lines: postings.map(ledgerLine), more: !!next_cursor }))
    )
  }
  if (!query.asset || query.asset === "store_credit") {
    parts.push(storeCreditPart(container, customerId, { limit: query.limit, before }))
  }
  const { lines, next_cursor } = mergeHistory(await Promise.all(parts), query.limit)
  return { postings: lines, next_cursor, limit: query.limit }
}
