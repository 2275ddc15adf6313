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
 * accounts in [from, to), by asset, currency and kind, summed from the postings
 * themselves. The assets come from a loose index scan of
 * `IDX_ledger_posting_asset_posted_at` (one probe per distinct asset), so the window
 * query is an index range scan per asset, never a pass over the table — but still
 * every posting of the window. The Growth overview reads the maintained buckets instead
 * (`platformMovements`); this stays as their definition: the module test
 * ledger-movement-buckets.spec.ts compares both, and the buckets' edges use it.
 */
export const PLATFORM_MOVEMENTS_SQL = `
  WITH RECURSIVE assets(asset) AS (
    SELECT MIN(asset) FROM ledger_posting WHERE status = 'posted' AND deleted_at IS NULL
    UNION ALL
    SELECT (SELECT MIN(l.asset) FROM ledger_posting l
             WHERE l.asset > assets.asset AND l.status = 'posted' AND l.deleted_at IS NULL)
      FROM assets WHERE assets.asset IS NOT NULL
  )
  SELECT m.asset, m.currency_code, m.kind, m.total::text AS total, m.count
    FROM (${postingsMovements("ARRAY(SELECT asset FROM assets WHERE asset IS NOT NULL)", `${AT} >= :from AND ${AT} < :to`)}) m
   ORDER BY 1, 2, 3`

/** Movements of the postings of `assets` (an SQL array) whose posted time meets `window`. */
function postingsMovements(assets: string, window: string) {
  return `SELECT p.asset, p.currency_code, ${kindOf("c.owner_type = 'customer'")} AS kind,
         SUM(p.amount) AS total, COUNT(*)::int AS count
    FROM ledger_posting p
    JOIN ledger_account c ON c.id = p.credit_account_id
    JOIN ledger_account d ON d.id = p.debit_account_id
   WHERE p.asset = ANY(${assets})
     AND p.status = 'posted' AND p.deleted_at IS NULL
     AND (${window})
     AND ((c.owner_type = 'customer' AND c.purpose = 'main' AND d.owner_type = 'platform')
       OR (d.owner_type = 'customer' AND d.purpose = 'main' AND c.owner_type = 'platform'))
   GROUP BY 1, 2, 3`
}

/** The maintained buckets' width (Migration20261204020000), in ms. */
export const BUCKET_MS = 15 * 60_000

/**
 * The same sums from the maintained 15-minute buckets (`ledger_movement_bucket`,
 * Migration20261204020000): the buckets covering [from, to) — from `lo`, `from` floored to
 * a bucket, to `hi`, `to` rounded up — minus the postings of those buckets outside the
 * window, [lo, from) and [to, hi). A store day starts on a bucket (every zone's offset is a
 * multiple of 15 minutes) and the window ends now, so the edges are normally empty, or the
 * few postings dated in the current bucket's future; whatever the window, they are at most
 * 2 × 15 minutes of postings, through the same index as the postings query. The buckets
 * are equal to their postings (reconcile() proves it), so the result is exactly
 * `PLATFORM_MOVEMENTS_SQL`'s, with totals without trailing zeros (the buckets cannot know
 * the largest scale among a window's amounts).
 */
export function bucketMovementsSql(edges: { lo: Date; from: Date; to: Date; hi: Date }) {
  const parts = [
    `SELECT asset, currency_code, kind, SUM(total) AS total, SUM(count) AS count
       FROM ledger_movement_bucket
      WHERE deleted_at IS NULL AND bucket_at >= :lo AND bucket_at < :hi
      GROUP BY 1, 2, 3`,
  ]
  const outside = [
    edges.lo < edges.from ? `(${AT} >= :lo AND ${AT} < :from)` : null,
    edges.to < edges.hi ? `(${AT} >= :to AND ${AT} < :hi)` : null,
  ].filter(Boolean)
  if (outside.length) {
    // only assets that have a bucket in [lo, hi) can have postings there
    const assets = `ARRAY(SELECT DISTINCT asset FROM ledger_movement_bucket WHERE deleted_at IS NULL AND bucket_at >= :lo AND bucket_at < :hi)`
    parts.push(`SELECT e.asset, e.currency_code, e.kind, -e.total, -e.count FROM (${postingsMovements(assets, outside.join(" OR "))}) e`)
  }
  return `SELECT w.asset, w.currency_code, w.kind, trim_scale(SUM(w.total))::text AS total, SUM(w.count)::int AS count
            FROM (${parts.join("\n UNION ALL ")}) w
           GROUP BY 1, 2, 3
          HAVING SUM(w.count) <> 0
           ORDER BY 1, 2, 3`
}

export type PlatformMovement = { asset: string; currency_code: string | null; kind: MovementKind; total: string; count: number }

export async function platformMovements(trx: Trx, q: { from: Date; to: Date }) {
  const edges = {
    lo: new Date(Math.floor(q.from.getTime() / BUCKET_MS) * BUCKET_MS),
    from: q.from,
    to: q.to,
    hi: new Date(Math.ceil(q.to.getTime() / BUCKET_MS) * BUCKET_MS),
  }
  if (q.to <= q.from) return []
  return rows<PlatformMovement>(trx, bucketMovementsSql(edges), edges)
}

/** `PLATFORM_MOVEMENTS_SQL`: the movements summed from postings (the buckets' reference). */
export async function platformMovementsFromPostings(trx: Trx, q: { from: Date; to: Date }) {
  return rows<PlatformMovement>(trx, PLATFORM_MOVEMENTS_SQL, q)
}

/**
 * What every bucket should hold, summed from the postings by the rules of
 * `PLATFORM_MOVEMENTS_SQL` (reconcile() compares it with the maintained buckets).
 */
export const BUCKETS_FROM_POSTINGS = `
  SELECT p.asset, p.currency_code, ${kindOf("c.owner_type = 'customer'")} AS kind,
         date_bin('15 minutes', ${AT}, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket_at,
         SUM(p.amount) AS total, COUNT(*) AS count
    FROM ledger_posting p
    JOIN ledger_account c ON c.id = p.credit_account_id
    JOIN ledger_account d ON d.id = p.debit_account_id
   WHERE p.status = 'posted' AND p.deleted_at IS NULL
     AND ((c.owner_type = 'customer' AND c.purpose = 'main' AND d.owner_type = 'platform')
       OR (d.owner_type = 'customer' AND d.purpose = 'main' AND c.owner_type = 'platform'))
   GROUP BY 1, 2, 3, 4`

/** Buckets whose maintained sums differ from their postings (`bucket_*`: the shards' sum; `derived_*`: the postings'). */
export const BUCKET_MISMATCHES = `
  WITH b AS (
    SELECT asset, currency_code, kind, bucket_at, SUM(total) AS total, SUM(count) AS count
      FROM ledger_movement_bucket WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4
  ), d AS (${BUCKETS_FROM_POSTINGS})
  SELECT COALESCE(b.asset, d.asset) AS asset, COALESCE(b.currency_code, d.currency_code) AS currency_code,
         COALESCE(b.kind, d.kind) AS kind, COALESCE(b.bucket_at, d.bucket_at) AS bucket_at,
         COALESCE(b.total, 0)::text AS bucket_total, COALESCE(d.total, 0)::text AS derived_total,
         COALESCE(b.count, 0)::int AS bucket_count, COALESCE(d.count, 0)::int AS derived_count
    FROM b FULL JOIN d
      ON d.asset = b.asset AND COALESCE(d.currency_code, '') = COALESCE(b.currency_code, '')
     AND d.kind = b.kind AND d.bucket_at = b.bucket_at
   WHERE COALESCE(b.total, 0) <> COALESCE(d.total, 0) OR COALESCE(b.count, 0) <> COALESCE(d.count, 0)
   ORDER BY 4, 1, 2, 3
   LIMIT 100`
