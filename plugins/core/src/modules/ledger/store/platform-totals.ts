import { rows, Trx } from "./sql"

/**
 * Maintained platform balances: the sum of each platform account's shards in
 * `ledger_platform_total` (models/ledger-platform-total.ts). The triggers of
 * Migration20261203180000 keep the shards equal to what the account's postings sum to
 * (the rules of `DERIVED`, store/reports.ts) in every transaction that changes
 * postings, so no write path calls anything here, and `reconcile()` proves it.
 * One statement sums the shards, so a read sees exactly the postings committed in its
 * snapshot, whatever is posting concurrently.
 */
export type PlatformTotal = { account_id: string; posted: string; pending_in: string; pending_out: string; shards: number }

export const PLATFORM_TOTALS = `
  SELECT account_id, SUM(posted)::text AS posted, SUM(pending_in)::text AS pending_in,
         SUM(pending_out)::text AS pending_out, COUNT(*)::int AS shards
    FROM ledger_platform_total WHERE deleted_at IS NULL %FILTER%
   GROUP BY account_id`

const ZERO = { posted: "0", pending_in: "0", pending_out: "0", shards: 0 }

/** Totals of the given platform accounts (an account without postings has no shard: zero). */
export async function platformTotalsOf(trx: Trx, accountIds: string[]): Promise<Map<string, PlatformTotal>> {
  const found = accountIds.length
    ? await rows<PlatformTotal>(trx, PLATFORM_TOTALS.replace("%FILTER%", "AND account_id = ANY(?)"), [accountIds])
    : []
  const byId = new Map(found.map((t) => [t.account_id, t]))
  return new Map(accountIds.map((id) => [id, byId.get(id) ?? { account_id: id, ...ZERO }]))
}

/** Every platform account with its balance, in one statement (the admin's platform balances). */
export async function allPlatformBalances(trx: Trx) {
  return rows<{
    account_id: string
    owner_id: string
    asset: string
    currency_code: string | null
    purpose: string
    posted: string
    pending_in: string
    pending_out: string
  }>(
    trx,
    `SELECT a.id AS account_id, a.owner_id, a.asset, a.currency_code, a.purpose,
            COALESCE(t.posted, '0') AS posted, COALESCE(t.pending_in, '0') AS pending_in, COALESCE(t.pending_out, '0') AS pending_out
       FROM ledger_account a LEFT JOIN (${PLATFORM_TOTALS.replace("%FILTER%", "")}) t ON t.account_id = a.id
      WHERE a.owner_type = 'platform' AND a.deleted_at IS NULL
      ORDER BY a.owner_id, a.asset, a.currency_code NULLS FIRST, a.purpose`
  )
}
