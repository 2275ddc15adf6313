import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import { NewRefundRequest, RefundRequestRow } from "../types"
import { rawNumber, TABLE, toRow, Trx } from "./rows"

const CHUNK = 500

const sameRequest = (row: RefundRequestRow, r: NewRefundRequest) =>
  row.order_id === r.order_id &&
  row.mode === r.mode &&
  row.destination === r.destination &&
  (row.amount === null ? r.amount === null : r.amount !== null && MathBN.eq(row.amount, r.amount))

/**
 * Inserts the requests whose cause key is new and returns every request of the batch,
 * new or earlier. The unique index on `cause_key` decides races: a concurrent insert of
 * the same cause waits for the other transaction and then inserts nothing. A cause key
 * reused for a different refund (other order, mode, destination or amount) is refused.
 */
export async function createOrReplay(
  trx: Trx,
  requests: NewRefundRequest[],
  firstAttemptAt: Date
): Promise<{ request: RefundRequestRow; created: boolean }[]> {
  const created = new Map<string, RefundRequestRow>()
  for (let i = 0; i < requests.length; i += CHUNK) {
    const chunk = requests.slice(i, i + CHUNK)
    const values: unknown[] = []
    for (const r of chunk) {
      values.push(
        generateEntityId(undefined, "frr"),
        r.cause_key,
        r.order_id,
        r.customer_id,
        r.mode,
        r.destination,
        r.amount,
        rawNumber(r.amount),
        r.currency_code,
        r.max_attempts,
        firstAttemptAt,
        r.source_type,
        r.source_id,
        r.reason,
        r.note,
        r.metadata ? JSON.stringify(r.metadata) : null
      )
    }
    const { rows } = await trx.raw(
      `INSERT INTO ${TABLE} (id, cause_key, order_id, customer_id, mode, destination, amount, raw_amount, currency_code,
         max_attempts, next_attempt_at, source_type, source_id, reason, note, metadata)
       VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)").join(", ")}
       ON CONFLICT (cause_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      values
    )
    for (const row of rows) created.set(row.cause_key, toRow(row))
  }
  const missing = requests.filter((r) => !created.has(r.cause_key)).map((r) => r.cause_key)
  const earlier = new Map<string, RefundRequestRow>()
  for (let i = 0; i < missing.length; i += CHUNK) {
    const { rows } = await trx.raw(`SELECT * FROM ${TABLE} WHERE cause_key = ANY(?) AND deleted_at IS NULL`, [
      missing.slice(i, i + CHUNK),
    ])
    for (const row of rows) earlier.set(row.cause_key, toRow(row))
  }
  return requests.map((r) => {
    const mine = created.get(r.cause_key)
    if (mine) return { request: mine, created: true }
    const row = earlier.get(r.cause_key)
    if (!row) {
      // only if the conflicting row was deleted in between
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `refund request ${r.cause_key} is being changed, retry`)
    }
    if (!sameRequest(row, r)) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `cause_key ${r.cause_key} was already used for another refund (${row.id}: ${row.mode} of order ${row.order_id}` +
          `${row.amount !== null ? `, amount ${row.amount}` : ""}, to ${row.destination})`
      )
    }
    return { request: row, created: false }
  })
}

/** Deletes requests that were never attempted (compensation of a failed creation). */
export async function discardUnattempted(trx: Trx, ids: string[]): Promise<number> {
  if (!ids.length) return 0
  const { rows } = await trx.raw(
    `DELETE FROM ${TABLE} WHERE id = ANY(?) AND status = 'pending' AND attempts = 0 RETURNING id`,
    [ids]
  )
  return rows.length
}
