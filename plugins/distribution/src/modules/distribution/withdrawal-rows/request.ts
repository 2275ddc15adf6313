import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { rows, Trx } from "../sql"
import { rawAmount, WITHDRAWAL_COLUMNS, WithdrawalRow } from "./row"

export type NewWithdrawal = {
  customer_id: string
  amount: string
  fee: string
  net_amount: string
  currency_code: string
  method: string
  account: string | null
  daily_limit: number
}

/**
 * Inserts a request unless the customer already has `daily_limit` requests today
 * (UTC; rejected ones do not count). A transaction-scoped advisory lock per
 * customer serialises the count-then-insert, so N parallel requests can never
 * exceed the limit, on any number of server instances. Must run in a transaction.
 */
export async function insertWithinDailyLimit(trx: Trx, input: NewWithdrawal): Promise<WithdrawalRow> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`fission:withdrawal:${input.customer_id}`])
  const [counted] = await rows<{ n: number }>(
    trx,
    `SELECT count(*)::int AS n FROM withdrawal
      WHERE customer_id = ? AND deleted_at IS NULL AND status <> 'rejected'
        AND created_at >= (date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`,
    [input.customer_id]
  )
  if (counted.n >= input.daily_limit) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Daily withdrawal limit reached: at most ${input.daily_limit} withdrawal requests per day`
    )
  }
  const [row] = await rows<WithdrawalRow>(
    trx,
    `INSERT INTO withdrawal (id, customer_id, amount, raw_amount, fee, raw_fee, net_amount, raw_net_amount,
                             currency_code, method, account, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested')
     RETURNING ${WITHDRAWAL_COLUMNS}`,
    [
      generateEntityId(undefined, "wdr"),
      input.customer_id,
      input.amount,
      rawAmount(input.amount),
      input.fee,
      rawAmount(input.fee),
      input.net_amount,
      rawAmount(input.net_amount),
      input.currency_code,
      input.method,
      input.account,
    ]
  )
  return row
}

/** Undo of a request whose funds could not be held: it never happened (hard delete, only while still requested). */
export async function deleteRequested(trx: Trx, id: string): Promise<void> {
  await trx.raw(`DELETE FROM withdrawal WHERE id = ? AND status = 'requested'`, [id])
}
