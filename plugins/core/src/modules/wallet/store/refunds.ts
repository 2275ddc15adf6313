import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import { WalletPaymentRefundRow } from "../types"
import { paymentById } from "./payments"
import { decimals, rawNumber, Trx } from "./rows"

const TABLE = "fission_wallet_payment_refund"
const row = (r: any) => decimals<WalletPaymentRefundRow>(r, ["amount"])

async function refundByKey(trx: Trx, key: string) {
  const { rows } = await trx.raw(`SELECT * FROM ${TABLE} WHERE idempotency_key = ? AND deleted_at IS NULL`, [key])
  return rows[0] ? row(rows[0]) : null
}

function sameRefund(earlier: WalletPaymentRefundRow, payment_id: string, amount: string | null) {
  if (earlier.wallet_payment_id !== payment_id || (amount !== null && !MathBN.eq(earlier.amount, amount))) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `idempotency_key ${earlier.idempotency_key} was already used for another wallet refund (${earlier.id}: ${earlier.amount} of ${earlier.wallet_payment_id})`
    )
  }
  return { refund: earlier, created: false }
}

/**
 * Reserves a refund of `amount` (null = everything not refunded yet) of a succeeded
 * payment: under the payment's row lock, checks what is left and raises
 * `refunded_amount` in the same transaction as the refund row, so concurrent refunds can
 * never give back more than was paid. A known key returns its refund.
 */
export async function reserveRefund(
  trx: Trx,
  input: { wallet_payment_id: string; idempotency_key: string; amount: string | null; reason?: string | null; note?: string | null }
): Promise<{ refund: WalletPaymentRefundRow; created: boolean }> {
  const known = await refundByKey(trx, input.idempotency_key)
  if (known) return sameRefund(known, input.wallet_payment_id, input.amount)
  const payment = await paymentById(trx, input.wallet_payment_id, { lock: true })
  if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wallet payment with id: ${input.wallet_payment_id} was not found`)
  // a concurrent call with the same key committed while we waited for the lock
  const raced = await refundByKey(trx, input.idempotency_key)
  if (raced) return sameRefund(raced, input.wallet_payment_id, input.amount)
  if (payment.status !== "succeeded") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `wallet payment ${payment.id} is ${payment.status}; only a succeeded payment can be refunded`)
  }
  const left = MathBN.sub(payment.amount, payment.refunded_amount)
  const amount = input.amount ?? left.toString()
  if (MathBN.lte(amount, 0) || MathBN.gt(amount, left)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `wallet payment ${payment.id} has ${left.toString()} ${payment.currency_code.toUpperCase()} left to refund, ${amount} was asked`
    )
  }
  await trx.raw(
    `UPDATE fission_wallet_payment
        SET refunded_amount = refunded_amount + ?::numeric,
            raw_refunded_amount = jsonb_build_object('value', (refunded_amount + ?::numeric)::text, 'precision', 20),
            updated_at = now()
      WHERE id = ?`,
    [amount, amount, payment.id]
  )
  const { rows } = await trx.raw(
    `INSERT INTO ${TABLE} (id, wallet_payment_id, idempotency_key, customer_id, currency_code, amount, raw_amount, reason, note)
     VALUES (?, ?, ?, ?, ?, ?::numeric, ?::jsonb, ?, ?) RETURNING *`,
    [
      generateEntityId(undefined, "fwref"),
      payment.id,
      input.idempotency_key,
      payment.customer_id,
      payment.currency_code,
      amount,
      rawNumber(amount),
      input.reason ?? null,
      input.note ?? null,
    ]
  )
  return { refund: row(rows[0]), created: true }
}

/** Undoes a reserved refund that was never credited (compensation). */
export async function releaseRefund(trx: Trx, refundId: string) {
  const { rows } = await trx.raw(`DELETE FROM ${TABLE} WHERE id = ? AND status = 'pending' RETURNING *`, [refundId])
  const released = rows[0] ? row(rows[0]) : null
  if (released) {
    await trx.raw(
      `UPDATE fission_wallet_payment
          SET refunded_amount = refunded_amount - ?::numeric,
              raw_refunded_amount = jsonb_build_object('value', (refunded_amount - ?::numeric)::text, 'precision', 20),
              updated_at = now()
        WHERE id = ?`,
      [released.amount, released.amount, released.wallet_payment_id]
    )
  }
  return released
}

export async function markRefundSucceeded(trx: Trx, refundId: string, transactionId: string) {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE} SET status = 'succeeded', transaction_id = ?, updated_at = now() WHERE id = ? RETURNING *`,
    [transactionId, refundId]
  )
  return rows[0] ? row(rows[0]) : null
}
