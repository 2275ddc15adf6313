import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { AccountRow } from "./accounts"
import { BUCKET_MISMATCHES } from "./movements"
import { PLATFORM_TOTALS, platformTotalsOf } from "./platform-totals"
import { rows, Trx } from "./sql"

export type Balance = {
  account_id: string
  asset: string
  currency_code: string | null
  purpose: string
  posted: string
  pending_in: string
  pending_out: string
  /** posted − pending_out: pending credits excluded, pending debits included. */
  available: string
}

const DERIVED = `
  SELECT account_id,
         SUM(posted)::text AS posted, SUM(pending_in)::text AS pending_in, SUM(pending_out)::text AS pending_out
    FROM (
      SELECT credit_account_id AS account_id,
             CASE WHEN status = 'posted' THEN amount ELSE 0 END AS posted,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NULL THEN amount ELSE 0 END AS pending_in,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NOT NULL THEN -amount ELSE 0 END AS pending_out
        FROM ledger_posting WHERE deleted_at IS NULL %FILTER%
      UNION ALL
      -- a pending reversal (a reduction of a pending original) shrinks the
      -- original's frozen amount rather than reserving anything
      SELECT debit_account_id,
             CASE WHEN status = 'posted' THEN -amount ELSE 0 END,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NOT NULL THEN -amount ELSE 0 END,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NULL THEN amount ELSE 0 END
        FROM ledger_posting WHERE deleted_at IS NULL %FILTER%
    ) movements
   GROUP BY account_id`

/**
 * Customer balances come from the maintained counters of their account rows; platform
 * ones from the account's maintained shards (store/platform-totals.ts), never from a
 * scan of its postings.
 */
export async function balancesOf(trx: Trx, owner_type: string, owner_id: string): Promise<Balance[]> {
  const accounts = await rows<AccountRow>(
    trx,
    `SELECT * FROM ledger_account WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY asset, purpose`,
    [owner_type, owner_id]
  )
  if (!accounts.length) return []
  if (owner_type === "platform") {
    const totals = await platformTotalsOf(trx, accounts.map((a) => a.id))
    for (const a of accounts) {
      const { posted, pending_in, pending_out } = totals.get(a.id)!
      Object.assign(a, { posted, pending_in, pending_out })
    }
  }
  return accounts.map((a) => ({
    account_id: a.id,
    asset: a.asset,
    currency_code: a.currency_code,
    purpose: a.purpose,
    posted: String(a.posted),
    pending_in: String(a.pending_in),
    pending_out: String(a.pending_out),
    available: MathBN.sub(a.posted, a.pending_out).toFixed(),
  }))
}

/** A position in a history: lines sort newest first by (created_at to the millisecond, id). */
export type HistoryCursor = { created_at: Date; id: string }

export type HistoryQuery = {
  owner_type: string
  owner_id: string
  asset?: string
  /** Assets to leave out (the wallet shows store credit from the loyalty plugin instead). */
  exclude_assets?: string[]
  source_type?: string
  source_id?: string
  created_from?: Date
  created_to?: Date
  limit: number
  /** Only lines that sort after this one (the previous page's last line). */
  before?: HistoryCursor
}

// created_at is truncated to the millisecond so that a key read back into a JS Date (which
// has no microseconds) compares exactly; ids break ties, compared bytewise as JS does.
const CREATED_MS = `date_trunc('milliseconds', p.created_at)`
const ID_C = `p.id COLLATE "C"`

/**
 * Newest first, keyset on (created_at, id); `next_cursor` is the key of the last line
 * when more follow.
 */
export async function historyOf(trx: Trx, q: HistoryQuery) {
  const accounts = await rows<{ id: string }>(
    trx,
    `SELECT id FROM ledger_account WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL ${q.asset ? "AND asset = ?" : ""}`,
    [q.owner_type, q.owner_id, ...(q.asset ? [q.asset] : [])]
  )
  const ids = accounts.map((a) => a.id)
  if (!ids.length) return { postings: [], next_cursor: null }
  const conditions = [`(p.credit_account_id = ANY(:ids) OR p.debit_account_id = ANY(:ids))`, `p.deleted_at IS NULL`]
  const bindings: Record<string, unknown> = { ids, limit: q.limit + 1 }
  if (q.before) {
    conditions.push(`(${CREATED_MS} < :before_at OR (${CREATED_MS} = :before_at AND ${ID_C} < :before_id))`)
    Object.assign(bindings, { before_at: q.before.created_at, before_id: q.before.id })
  }
  if (q.exclude_assets?.length) (conditions.push(`p.asset <> ALL(:exclude)`), (bindings.exclude = q.exclude_assets))
  if (q.source_type) (conditions.push(`p.source_type = :source_type`), (bindings.source_type = q.source_type))
  if (q.source_id) (conditions.push(`p.source_id = :source_id`), (bindings.source_id = q.source_id))
  if (q.created_from) (conditions.push(`p.created_at >= :from`), (bindings.from = q.created_from))
  if (q.created_to) (conditions.push(`p.created_at < :to`), (bindings.to = q.created_to))
  const found = await rows(
    trx,
    `SELECT p.id, p.idempotency_key, p.asset, p.currency_code, p.amount::text AS amount, p.status, p.reason,
            p.source_type, p.source_id, p.note, p.reverses_posting_id,
            -- ISO 8601 text, whatever the driver's timestamp parsing
            to_json(p.expires_at) #>> '{}' AS expires_at, to_json(p.posted_at) #>> '{}' AS posted_at,
            to_json(p.voided_at) #>> '{}' AS voided_at,
            (extract(epoch FROM ${CREATED_MS}) * 1000)::bigint::text AS created_ms,
            CASE WHEN p.credit_account_id = ANY(:ids) THEN 'credit' ELSE 'debit' END AS direction,
            ca.purpose AS credit_purpose, da.purpose AS debit_purpose
       FROM ledger_posting p
       JOIN ledger_account ca ON ca.id = p.credit_account_id
       JOIN ledger_account da ON da.id = p.debit_account_id
      WHERE ${conditions.join(" AND ")}
      ORDER BY ${CREATED_MS} DESC, ${ID_C} DESC
      LIMIT :limit`,
    bindings as any
  )
  const postings = found.slice(0, q.limit).map(({ created_ms, ...p }: any) => ({ ...p, created_at: new Date(Number(created_ms)) }))
  const last = postings[postings.length - 1]
  return {
    postings,
    next_cursor: found.length > q.limit ? ({ created_at: last.created_at, id: last.id } as HistoryCursor) : null,
  }
}

/**
 * Proves the ledger: per asset and currency the balances of all accounts sum to
 * zero, every customer counter and every platform account's maintained total equals
 * the sum of its postings, every maintained movement bucket (the Growth overview's,
 * store/movements.ts) equals the sum of its postings, every posting moves one asset between accounts of that
 * asset, and no spendable customer balance is below zero.
 */
export async function reconcile(trx: Trx) {
  // Fresh statistics keep the planner off nested loops over millions of postings
  // right after bulk writes (measured: 253 s → 0.4 s on stale statistics).
  await trx.raw(`ANALYZE ledger_account, ledger_posting, ledger_platform_total, ledger_movement_bucket`)
  const totals = await rows(
    trx,
    `SELECT a.asset, a.currency_code, SUM(d.posted::numeric)::text AS total, COUNT(*)::int AS accounts
       FROM (${DERIVED.replace(/%FILTER%/g, "")}) d JOIN ledger_account a ON a.id = d.account_id
      GROUP BY a.asset, a.currency_code ORDER BY a.asset, a.currency_code`
  )
  // Customer accounts: the counters on the row; platform accounts: the sum of their shards
  // (store/platform-totals.ts). Both against the postings, in the same pass over them.
  const mismatches = await rows(
    trx,
    `WITH k AS (
       SELECT a.id, a.key, a.owner_type,
              CASE WHEN a.owner_type = 'customer' THEN a.posted ELSE COALESCE(t.posted::numeric, 0) END AS posted,
              CASE WHEN a.owner_type = 'customer' THEN a.pending_in ELSE COALESCE(t.pending_in::numeric, 0) END AS pending_in,
              CASE WHEN a.owner_type = 'customer' THEN a.pending_out ELSE COALESCE(t.pending_out::numeric, 0) END AS pending_out
         FROM ledger_account a LEFT JOIN (${PLATFORM_TOTALS.replace("%FILTER%", "")}) t ON t.account_id = a.id
        WHERE a.deleted_at IS NULL
     )
     SELECT k.id, k.key, k.owner_type, k.posted::text AS counter_posted, COALESCE(d.posted, '0') AS derived_posted,
            k.pending_in::text AS counter_pending_in, COALESCE(d.pending_in, '0') AS derived_pending_in,
            k.pending_out::text AS counter_pending_out, COALESCE(d.pending_out, '0') AS derived_pending_out
       FROM k LEFT JOIN (${DERIVED.replace(/%FILTER%/g, "")}) d ON d.account_id = k.id
      WHERE k.posted <> COALESCE(d.posted::numeric, 0) OR k.pending_in <> COALESCE(d.pending_in::numeric, 0)
         OR k.pending_out <> COALESCE(d.pending_out::numeric, 0)
      LIMIT 200`
  )
  const strip = ({ owner_type, ...m }: any) => m
  const counterMismatches = mismatches.filter((m: any) => m.owner_type === "customer").slice(0, 100).map(strip)
  // A platform account whose maintained total differs from its postings (`counter_*` = the total).
  const platformTotalMismatches = mismatches.filter((m: any) => m.owner_type === "platform").slice(0, 100).map(strip)
  // A 15-minute movement bucket whose shards differ from its postings (or exists on one side only).
  const bucketMismatches = await rows(trx, BUCKET_MISMATCHES)
  const assetMismatches = await rows(
    trx,
    `SELECT p.id FROM ledger_posting p
       JOIN ledger_account c ON c.id = p.credit_account_id JOIN ledger_account d ON d.id = p.debit_account_id
      WHERE p.deleted_at IS NULL AND (c.asset <> p.asset OR d.asset <> p.asset
            OR c.currency_code IS DISTINCT FROM p.currency_code OR d.currency_code IS DISTINCT FROM p.currency_code)
      LIMIT 100`
  )
  const negative = await rows(
    trx,
    `SELECT id, key, (posted - pending_out)::text AS available FROM ledger_account
      WHERE owner_type = 'customer' AND NOT allow_negative AND posted - pending_out < 0 AND deleted_at IS NULL LIMIT 100`
  )
  const assets = totals.map((t: any) => ({ ...t, balanced: Number(t.total) === 0 && /^-?0(\.0+)?$/.test(t.total) }))
  return {
    ok:
      assets.every((a) => a.balanced) &&
      !counterMismatches.length &&
      !platformTotalMismatches.length &&
      !bucketMismatches.length &&
      !assetMismatches.length &&
      !negative.length,
    assets,
    counter_mismatches: counterMismatches,
    platform_total_mismatches: platformTotalMismatches,
    movement_bucket_mismatches: bucketMismatches.map((m: any) => ({ ...m, bucket_at: new Date(m.bucket_at).toISOString() })),
    asset_mismatches: assetMismatches.map((r: any) => r.id),
    negative_accounts: negative,
    checked_at: new Date().toISOString(),
  }
}

export function assertLimit(limit: number) {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "limit must be an integer between 1 and 500")
  }
}
