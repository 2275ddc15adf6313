import { RefundRecord, RefundRequestRow } from "../types"
import { rawNumber, TABLE, toRow, Trx } from "./rows"

/**
 * Claims a request for one attempt: a conditional update, so of two processes (the event
 * subscriber and the sweep, or two instances) only one gets it. Claimable are pending or
 * failed requests that are due (or any of them with `force`, e.g. an admin retry), and
 * processing ones whose lease ran out (the process died mid-attempt). Counts the attempt.
 */
export async function claim(
  trx: Trx,
  id: string,
  { force, as_of, lease_seconds }: { force: boolean; as_of: Date; lease_seconds: number }
): Promise<RefundRequestRow | null> {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE}
        SET status = 'processing', attempts = attempts + 1, locked_until = now() + make_interval(secs => ?),
            updated_at = now()
      WHERE id = ? AND deleted_at IS NULL
        AND ((status IN ('pending', 'failed') AND (?::boolean OR next_attempt_at <= ?))
             OR (status = 'processing' AND locked_until < now()))
      RETURNING *`,
    [lease_seconds, id, force, as_of]
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** Ends the claimed attempt `attempt` as succeeded; null if the lease was lost to a newer attempt. */
export async function succeed(
  trx: Trx,
  id: string,
  attempt: number,
  result: { refunded_amount: string; refunds: RefundRecord[] }
): Promise<RefundRequestRow | null> {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE}
        SET status = 'succeeded', refunded_amount = ?::numeric, raw_refunded_amount = ?::jsonb, refunds = ?::jsonb,
            succeeded_at = now(), locked_until = NULL, next_attempt_at = NULL, updated_at = now()
      WHERE id = ? AND status = 'processing' AND attempts = ? AND deleted_at IS NULL
      RETURNING *`,
    [result.refunded_amount, rawNumber(result.refunded_amount), JSON.stringify(result.refunds), id, attempt]
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** Ends the claimed attempt as failed; `next_attempt_at` null = no automatic retry left. */
export async function fail(
  trx: Trx,
  id: string,
  attempt: number,
  { error, next_attempt_at, refunded_amount, refunds }: { error: string; next_attempt_at: Date | null; refunded_amount?: string; refunds?: RefundRecord[] }
): Promise<RefundRequestRow | null> {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE}
        SET status = 'failed', last_error = ?, next_attempt_at = ?, locked_until = NULL,
            refunded_amount = COALESCE(?::numeric, refunded_amount),
            raw_refunded_amount = COALESCE(?::jsonb, raw_refunded_amount),
            refunds = COALESCE(?::jsonb, refunds), updated_at = now()
      WHERE id = ? AND status = 'processing' AND attempts = ? AND deleted_at IS NULL
      RETURNING *`,
    [
      error,
      next_attempt_at,
      refunded_amount ?? null,
      refunded_amount ? rawNumber(refunded_amount) : null,
      refunds ? JSON.stringify(refunds) : null,
      id,
      attempt,
    ]
  )
  return rows[0] ? toRow(rows[0]) : null
}

/**
 * Ids the sweep should attempt now: due pending/failed requests (oldest due first) and
 * processing ones whose lease expired. Each part reads its own partial index.
 */
export async function dueIds(trx: Trx, asOf: Date, limit: number): Promise<string[]> {
  const due = await trx.raw(
    `SELECT id FROM ${TABLE}
      WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL AND next_attempt_at <= ? AND deleted_at IS NULL
      ORDER BY next_attempt_at, id LIMIT ?`,
    [asOf, limit]
  )
  const stale = await trx.raw(
    `SELECT id FROM ${TABLE}
      WHERE status = 'processing' AND locked_until < now() AND deleted_at IS NULL
      ORDER BY locked_until, id LIMIT ?`,
    [limit]
  )
  return [...stale.rows, ...due.rows].map((r: any) => r.id as string).slice(0, limit)
}
