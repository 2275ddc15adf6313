/**
 * The `withdrawal` table's writes that must be decided inside Postgres (SPEC §2.6):
 * the daily count limit, one winner among concurrent admin actions, and their
 * compensations. Each runs in the transaction its service method opens.
 */
export type WithdrawalStatus = "requested" | "approved" | "paid" | "rejected"

export type WithdrawalRow = {
  id: string
  customer_id: string
  amount: string
  fee: string
  net_amount: string
  currency_code: string
  method: string
  account: string | null
  status: WithdrawalStatus
  reference: string | null
  review_reason: string | null
  reviewed_by: string | null
  reviewed_at: Date | null
  paid_at: Date | null
  created_at: Date
  updated_at: Date
}

export const WITHDRAWAL_COLUMNS = `id, customer_id, amount, fee, net_amount, currency_code, method, account, status, reference,
  review_reason, reviewed_by, reviewed_at, paid_at, created_at, updated_at`

/** The `raw_<field>` twin of a bigNumber column. */
export const rawAmount = (value: string) => JSON.stringify({ value, precision: 20 })
