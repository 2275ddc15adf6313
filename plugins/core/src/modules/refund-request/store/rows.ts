import { RefundRequestRow } from "../types"

export type Trx = { raw: (sql: string, bindings?: any) => Promise<{ rows: any[] }> }

export const TABLE = "fission_refund_request"

/** `{ value, precision }` for a bigNumber column's `raw_` twin. */
export const rawNumber = (value: string | null) => (value === null ? null : JSON.stringify({ value, precision: 20 }))

export function toRow(r: any): RefundRequestRow {
  return {
    ...r,
    amount: r.amount === null || r.amount === undefined ? null : String(r.raw_amount?.value ?? r.amount),
    refunded_amount: String(r.raw_refunded_amount?.value ?? r.refunded_amount ?? "0"),
    attempts: Number(r.attempts),
    max_attempts: Number(r.max_attempts),
  }
}
