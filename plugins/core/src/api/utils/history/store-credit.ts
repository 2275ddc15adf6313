import { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { LOYALTY_STORE_CREDIT_MODULE } from "../../../workflows/ledger/steps/credit-store-credit"
import { compareNewestFirst, HistoryKey } from "./cursor"
import { HistoryLine, postingIdOf, storeCreditLine } from "./lines"
import { HistoryPart } from "./merge"

const nextMs = (d: Date) => new Date(d.getTime() + 1)

/**
 * The customer's store-credit transactions after `before` (at most `limit`, newest
 * first), read through the loyalty plugin's module service — every change of the
 * store-credit balance the wallet shows: Fission payouts, checkout spends, refunds
 * to store credit, an admin's credits.
 *
 * The service hands back created_at as a JS Date (milliseconds, truncated) and can
 * only order by the stored microseconds, so the history key is the millisecond plus
 * the id: each query below selects whole milliseconds, and the two boundary
 * milliseconds (the cursor's and the last one read) are read completely, so no line
 * is skipped or repeated whatever the ties.
 */
export async function storeCreditPart(
  container: MedusaContainer,
  customerId: string,
  { limit, before }: { limit: number; before?: HistoryKey | null }
): Promise<HistoryPart<HistoryLine>> {
  const storeCredit = container.resolve<any>(LOYALTY_STORE_CREDIT_MODULE, { allowUnregistered: true })
  if (!storeCredit) return { lines: [], more: false }
  // listAndCount, not list: the plugin's list override also computes every account's balance
  const [accounts] = await storeCredit.listAndCountStoreCreditAccounts({ customer_id: customerId })
  if (!accounts.length) return { lines: [], more: false }
  const currencyOf = new Map<string, string>(accounts.map((a: any) => [a.id, a.currency_code]))
  const list = (created_at: Record<string, Date> | undefined, take?: number) =>
    storeCredit.listAccountTransactions(
      { account_id: [...currencyOf.keys()], ...(created_at ? { created_at } : {}) },
      { order: { created_at: "DESC", id: "DESC" }, ...(take ? { take } : {}) }
    ) as Promise<any[]>

  const found = new Map<string, any>()
  const add = (ts: any[]) => ts.forEach((t) => found.set(t.id, t))
  if (before) add(await list({ $gte: before.created_at, $lt: nextMs(before.created_at) }))
  const older = await list(before ? { $lt: before.created_at } : undefined, limit + 1)
  add(older)
  const lastMs = older.length > limit ? new Date(older[older.length - 1].created_at) : null
  if (lastMs) add(await list({ $gte: lastMs, $lt: nextMs(lastMs) }))

  const keyOf = (t: any): HistoryKey => ({ created_at: new Date(t.created_at), id: t.id })
  const sorted = [...found.values()]
    .filter((t) => !before || compareNewestFirst(keyOf(t), before) > 0)
    .sort((a, b) => compareNewestFirst(keyOf(a), keyOf(b)))
  const page = sorted.slice(0, limit)

  const postingIds = [...new Set(page.map(postingIdOf).filter((id): id is string => !!id))]
  const postings = postingIds.length
    ? await container.resolve<LedgerModuleService>(LEDGER_MODULE).listLedgerPostings(
        { id: postingIds },
        { select: ["id", "reason", "source_type", "source_id"] }
      )
    : []
  const postingById = new Map(postings.map((p: any) => [p.id, p]))
  return {
    lines: page.map((t) => {
      const postingId = postingIdOf(t)
      return storeCreditLine(t, currencyOf.get(t.account_id) ?? "", postingId ? (postingById.get(postingId) as any) : null)
    }),
    more: sorted.length > limit,
  }
}
