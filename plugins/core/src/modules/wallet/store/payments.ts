import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import { NewWalletPayment, WalletPaymentRow } from "../types"
import { decimals, rawNumber, Trx } from "./rows"

const TABLE = "fission_wallet_payment"
const row = (r: any) => decimals<WalletPaymentRow>(r, ["amount", "refunded_amount"])

export async function paymentById(trx: Trx, id: string, { lock = false } = {}) {
  const { rows } = await trx.raw(`SELECT * FROM ${TABLE} WHERE id = ? AND deleted_at IS NULL${lock ? " FOR UPDATE" : ""}`, [id])
  return rows[0] ? row(rows[0]) : null
}

export async function paymentByKey(trx: Trx, key: string) {
  const { rows } = await trx.raw(`SELECT * FROM ${TABLE} WHERE idempotency_key = ? AND deleted_at IS NULL`, [key])
  return rows[0] ? row(rows[0]) : null
}

/**
 * Records the payment unless its key exists; the unique index decides concurrent
 * first calls. An existing key must describe the same payment (customer, currency,
 * amount), otherwise the key was reused by mistake and the call is refused.
 */
export async function recordPayment(trx: Trx, p: NewWalletPayment): Promise<{ payment: WalletPaymentRow; created: boolean }> {
  const { rows } = await trx.raw(
    `INSERT INTO ${TABLE} (id, idempotency_key, customer_id, currency_code, amount, raw_amount, source_type, source_id, note, metadata)
     VALUES (?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?, ?, ?::jsonb)
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
     RETURNING *`,
    [
      generateEntityId(undefined, "fwpay"),
      p.idempotency_key,
      p.customer_id,
      p.currency_code,
      p.amount,
      rawNumber(p.amount),
      p.source_type ?? null,
      p.source_id ?? null,
      p.note ?? null,
      p.metadata ? JSON.stringify(p.metadata) : null,
    ]
  )
  if (rows[0]) return { payment: row(rows[0]), created: true }
  const earlier = await paymentByKey(trx, p.idempotency_key)
  if (!earlier) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `wallet payment ${p.idempotency_key} is being changed, retry`)
  if (earlier.customer_id !== p.customer_id || earlier.currency_code !== p.currency_code || !MathBN.eq(earlier.amount, p.amount)) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `idempotency_key ${p.idempotency_key} was already used for another wallet payment (${earlier.id}: ${earlier.amount} ${earlier.currency_code.toUpperCase()})`
    )
  }
  return { payment: earlier, created: false }
}

/** Moves a payment to `to` only from one of `from`, with the given fields; null if it was not in `from`. */
export async function transitionPayment(
  trx: Trx,
  id: string,
  from: string[],
  to: string,
  fields: { store_credit_account_id?: string | null; transaction_id?: string | null; failure_reason?: string | null } = {}
) {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE}
        SET status = ?, store_credit_account_id = COALESCE(?, store_credit_account_id),
            transaction_id = COALESCE(?, transaction_id), failure_reason = ?, updated_at = now()
      WHERE id = ? AND status = ANY(?) AND deleted_at IS NULL
      RETURNING *`,
    [to, fields.store_credit_account_id ?? null, fields.transaction_id ?? null, fields.failure_reason ?? null, id, from]
  )
  return rows[0] ? row(rows[0]) : null
}
