import { rows, Trx } from "./sql"

/**
 * Reports over posted movements of one asset, for plugins that summarise a
 * balance over time (membership's points statement and statistics, qualifying
 * growth, "expiring soon"). They read only the ledger's own tables, so no other
 * module needs to know them.
 *
 * A movement's time is `COALESCE(posted_at, created_at)`: when it became part of
 * the posted balance (a pending posting counts from its settlement).
 */

/**
 * What a posted movement did to a customer's main account:
 * - `earned`: a credit that is not a reversal (earnings, grants, adjustments up);
 * - `returned`: a credit that reverses a debit (a refunded spend given back);
 * - `expired`: a debit by the expiry job;
 * - `reversed`: a debit that reverses a credit (earnings taken back);
 * - `spent`: any other debit.
 */
export type MovementKind = "earned" | "returned" | "expired" | "reversed" | "spent"

/** `credited` is a SQL boolean: whether the customer account is the credited side. */
const kindOf = (credited: string) => `CASE
    WHEN ${credited} AND p.reverses_posting_id IS NULL THEN 'earned'
    WHEN ${credited} THEN 'returned'
    WHEN p.reason = 'expired' THEN 'expired'
    WHEN p.reverses_posting_id IS NOT NULL THEN 'reversed'
    ELSE 'spent' END`

/** The posted-time expression; `IDX_ledger_posting_asset_posted_at` indexes exactly this. */
const AT = `COALESCE(p.posted_at, p.created_at)`

export type CustomerAssetQuery = {
  customer_id: string
  asset: string
  /** Money assets: the account of this currency; others: leave out. */
  currency_code?: string | null
}

async function mainAccountId(trx: Trx, q: CustomerAssetQuery): Promise<string | null> {
  const [account] = await rows<{ id: string }>(
    trx,
    `SELECT id FROM ledger_account
      WHERE owner_type = 'customer' AND owner_id = ? AND asset = ? AND purpose = 'main'
        AND currency_code IS NOT DISTINCT FROM ? AND deleted_at IS NULL`,
    [q.customer_id, q.asset, q.currency_code?.toLowerCase() ?? null]
  )
  return account?.id ?? null
}

/**
 * Net posted change of the customer's main account in (after, until]: credits
 * minus debits, e.g. the growth earned in the last 12 months net of what was
 * taken back in that window.
 */
export async function netChangeBetween(trx: Trx, q: CustomerAssetQuery & { after: Date; until: Date }): Promise<string> {
  const id = await mainAccountId(trx, q)
  if (!id) return "0"
  const [row] = await rows<{ total: string }>(
    trx,
    `SELECT COALESCE(SUM(CASE WHEN p.credit_account_id = :id THEN p.amount ELSE -p.amount END), 0)::text AS total
       FROM ledger_posting p
      WHERE (p.credit_account_id = :id OR p.debit_account_id = :id)
        AND p.status = 'posted' AND p.deleted_at IS NULL AND ${AT} > :after AND ${AT} <= :until`,
    { id, after: q.after, until: q.until }
  )
  return row.total
}

/**
 * The customer's posted movements in [from, to) by kind and reason (the
 * "annual bill"): totals and counts.
 */
export async function movementsByReason(trx: Trx, q: CustomerAssetQuery & { from: Date; to: Date }) {
  const id = await mainAccountId(trx, q)
  if (!id) return []
  return rows<{ kind: MovementKind; reason: string; total: string; count: number }>(
    trx,
    `SELECT ${kindOf("p.credit_account_id = :id")} AS kind, p.reason, SUM(p.amount)::text AS total, COUNT(*)::int AS count
       FROM ledger_posting p
      WHERE (p.credit_account_id = :id OR p.debit_account_id = :id)
        AND p.status = 'posted' AND p.deleted_at IS NULL AND ${AT} >= :from AND ${AT} < :to
      GROUP BY 1, 2 ORDER BY 1, 2`,
    { id, from: q.from, to: q.to }
  )
}

/**
 * Every customer's posted movements of `asset` against platform accounts per
 * local month of `time_zone` in [from, to), by kind: one pass over the asset's
 * postings in the window, through `IDX_ledger_posting_asset_posted_at`
 * (customer-to-customer moves and debt bookings are not issuance or spending).
 */
export const MONTHLY_MOVEMENTS_SQL = `
  SELECT to_char(${AT} AT TIME ZONE :time_zone, 'YYYY-MM') AS month,
         ${kindOf("c.owner_type = 'customer'")} AS kind,
         SUM(p.amount)::text AS total
    FROM ledger_posting p
    JOIN ledger_account c ON c.id = p.credit_account_id
    JOIN ledger_account d ON d.id = p.debit_account_id
   WHERE p.asset = :asset AND p.status = 'posted' AND p.deleted_at IS NULL
     AND ${AT} >= :from AND ${AT} < :to
     AND ((c.owner_type = 'customer' AND c.purpose = 'main' AND d.owner_type = 'platform')
       OR (d.owner_type = 'customer' AND d.purpose = 'main' AND c.owner_type = 'platform'))
   GROUP BY 1, 2 ORDER BY 1, 2`

export async function monthlyMovements(trx: Trx, q: { asset: string; from: Date; to: Date; time_zone: string }) {
  return rows<{ month: string; kind: MovementKind; total: string }>(trx, MONTHLY_MOVEMENTS_SQL, q)
}

/**
 * What is left of the customer's open lots of `asset` that expire in
 * (after, until]: each lot's credit minus what was consumed from it.
 */
export async function expiringLotsTotal(trx: Trx, q: CustomerAssetQuery & { after: Date; until: Date }): Promise<string> {
  const id = await mainAccountId(trx, q)
  if (!id) return "0"
  const [row] = await rows<{ total: string }>(
    trx,
    `SELECT COALESCE(SUM(remaining), 0)::text AS total FROM (
       SELECT p.amount - COALESCE((SELECT SUM(a.amount) FROM ledger_lot_allocation a
                                    WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL), 0) AS remaining
         FROM ledger_posting p
        WHERE p.credit_account_id = :id AND p.is_lot AND p.status = 'posted' AND p.deleted_at IS NULL
          AND p.expires_at > :after AND p.expires_at <= :until) lots
      WHERE remaining > 0`,
    { id, after: q.after, until: q.until }
  )
  return row.total
}

/**
 * Every asset's posted movements between customers' main accounts and platform
 * accounts in [from, to), by asset, currency and kind (the Growth overview: points
 * issued / spent / expired, commissions earned, …). The assets come from a loose
 * index scan of `IDX_ledger_posting_asset_posted_at` (one probe per distinct asset),
 * so the window query is an index range scan per asset, never a pass over the table.
 */
export const PLATFORM_MOVEMENTS_SQL = `
  WITH RECURSIVE assets(asset) AS (
    SELECT MIN(asset) FROM ledger_posting WHERE status = 'posted' AND deleted_at IS NULL
    UNION ALL
    SELECT (SELECT MIN(l.asset) FROM ledger_posting l
             WHERE l.asset > assets.asset AND l.status = 'posted' AND l.deleted_at IS NULL)
      FROM assets WHERE assets.asset IS NOT NULL
  )
  SELECT p.asset, p.currency_code, ${kindOf("c.owner_type = 'customer'")} AS kind,
         SUM(p.amount)::text AS total, COUNT(*)::int AS count
    FROM ledger_posting p
    JOIN ledger_account c ON c.id = p.credit_account_id
    JOIN ledger_account d ON d.id = p.debit_account_id
   WHERE p.asset = ANY(ARRAY(SELECT asset FROM assets WHERE asset IS NOT NULL))
     AND p.status = 'posted' AND p.deleted_at IS NULL
     AND ${AT} >= :from AND ${AT} < :to
     AND ((c.owner_type = 'customer' AND c.purpose = 'main' AND d.owner_type = 'platform')
       OR (d.owner_type = 'customer' AND d.purpose = 'main' AND c.owner_type = 'platform'))
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`

export async function platformMovements(trx: Trx, q: { from: Date; to: Date }) {
  return rows<{ asset: string; currency_code: string | null; kind: MovementKind; total: string; count: number }>(
    trx,
    PLATFORM_MOVEMENTS_SQL,
    q
  )
}
