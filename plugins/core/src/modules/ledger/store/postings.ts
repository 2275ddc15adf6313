import { generateEntityId } from "@medusajs/framework/utils"
import { rawNumber, rows, Trx } from "./sql"

export type PostingStatus = "pending" | "posted" | "voided"

export type PostingRow = {
  id: string
  idempotency_key: string
  asset: string
  currency_code: string | null
  amount: string
  debit_account_id: string
  credit_account_id: string
  status: PostingStatus
  reason: string
  source_type: string
  source_id: string
  note: string | null
  reverses_posting_id: string | null
  expires_at: Date | null
  is_lot: boolean
  posted_at: Date | null
  voided_at: Date | null
  metadata: Record<string, unknown> | null
  created_at: Date
}

export type NewPosting = Omit<
  PostingRow,
  "id" | "posted_at" | "voided_at" | "created_at" | "note" | "metadata" | "reverses_posting_id" | "expires_at" | "is_lot"
> & {
  note?: string | null
  metadata?: Record<string, unknown> | null
  reverses_posting_id?: string | null
  expires_at?: Date | null
  is_lot?: boolean
}

/** Inserts unless the idempotency key exists; returns the new row or null. */
export async function insertPosting(trx: Trx, p: NewPosting): Promise<PostingRow | null> {
  const [row] = await rows<PostingRow>(
    trx,
    `INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
       credit_account_id, status, reason, source_type, source_id, note, reverses_posting_id, expires_at, is_lot,
       posted_at, metadata)
     VALUES (?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'posted' THEN now() END, ?::jsonb)
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
     RETURNING *`,
    [
      generateEntityId(undefined, "lpst"),
      p.idempotency_key,
      p.asset,
      p.currency_code,
      p.amount,
      rawNumber(p.amount),
      p.debit_account_id,
      p.credit_account_id,
      p.status,
      p.reason,
      p.source_type,
      p.source_id,
      p.note ?? null,
      p.reverses_posting_id ?? null,
      p.expires_at ?? null,
      p.is_lot ?? false,
      p.status,
      p.metadata ? JSON.stringify(p.metadata) : null,
    ]
  )
  return row ?? null
}

export async function postingsByKeys(trx: Trx, keys: string[]) {
  return rows<PostingRow>(trx, `SELECT * FROM ledger_posting WHERE idempotency_key = ANY(?) AND deleted_at IS NULL`, [
    keys,
  ])
}

export async function postingById(trx: Trx, id: string, { lock = false } = {}) {
  const [row] = await rows<PostingRow>(
    trx,
    `SELECT * FROM ledger_posting WHERE id = ? AND deleted_at IS NULL ${lock ? "FOR UPDATE" : ""}`,
    [id]
  )
  return row ?? null
}

/** Moves a pending posting to posted/voided once; returns null if it was not pending. */
export async function settlePostingRow(trx: Trx, id: string, to: "posted" | "voided") {
  const [row] = await rows<PostingRow>(
    trx,
    `UPDATE ledger_posting SET status = ?, ${to === "posted" ? "posted_at" : "voided_at"} = now(), updated_at = now()
     WHERE id = ? AND status = 'pending' RETURNING *`,
    [to, id]
  )
  return row ?? null
}

export async function pendingReversalsOf(trx: Trx, id: string) {
  return rows<PostingRow>(
    trx,
    `SELECT * FROM ledger_posting WHERE reverses_posting_id = ? AND status = 'pending' AND deleted_at IS NULL ORDER BY id`,
    [id]
  )
}

/**
 * `source_type` of a reinstatement: a posting that gives back part of what was
 * reversed of an original when a cumulative target goes down (engine.ts
 * `reinstateOne`). It is an ordinary posting in the original's direction, linked
 * by `source_id` = the original (indexed), not by `reverses_posting_id`: counters,
 * platform totals, reconcile and lots treat it exactly like a fresh earning.
 */
export const REINSTATEMENT = "ledger.reinstatement"

/**
 * Net amount of `id` reversed (pending or posted): its reversals minus its
 * reinstatements, a reinstatement counting only what was not itself reversed since
 * (e.g. by a workflow's compensation).
 */
export async function reversedAmount(trx: Trx, id: string): Promise<string> {
  const [{ total }] = await rows(
    trx,
    `SELECT (COALESCE((SELECT SUM(r.amount) FROM ledger_posting r
                        WHERE r.reverses_posting_id = :id AND r.status <> 'voided' AND r.deleted_at IS NULL), 0)
           - COALESCE((SELECT SUM(i.amount - COALESCE((SELECT SUM(c.amount) FROM ledger_posting c
                                                        WHERE c.reverses_posting_id = i.id AND c.status <> 'voided'
                                                          AND c.deleted_at IS NULL), 0))
                         FROM ledger_posting i
                        WHERE i.source_type = :type AND i.source_id = :id AND i.reverses_posting_id IS NULL AND i.status <> 'voided' AND i.deleted_at IS NULL), 0)
           )::text AS total`,
    { id, type: REINSTATEMENT } as any
  )
  return total
}

/**
 * The latest `as_of` (the order history's marker, see `ReverseInput.as_of`) a
 * cumulative reversal or reinstatement of `id` was decided at; null when none
 * recorded one.
 */
export async function latestAsOf(trx: Trx, id: string): Promise<string | null> {
  const [{ latest }] = await rows(
    trx,
    `SELECT MAX((metadata->>'as_of')::numeric)::text AS latest FROM ledger_posting
      WHERE (reverses_posting_id = :id OR (source_type = :type AND source_id = :id))
        AND deleted_at IS NULL AND metadata->>'as_of' IS NOT NULL`,
    { id, type: REINSTATEMENT } as any
  )
  return latest ?? null
}

/** Pending reinstatements of `id`: they settle together with it, like its pending reversals. */
export async function pendingReinstatementsOf(trx: Trx, id: string) {
  return rows<PostingRow>(
    trx,
    `SELECT * FROM ledger_posting WHERE source_type = ? AND source_id = ? AND status = 'pending' AND deleted_at IS NULL ORDER BY id`,
    [REINSTATEMENT, id]
  )
}
