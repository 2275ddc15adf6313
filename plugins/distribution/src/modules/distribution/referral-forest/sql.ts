export { knexOf, rows } from "../sql"
export type { Trx } from "../sql"

/** A live (not soft-deleted) referral row. */
export type ReferralRow = {
  id: string
  customer_id: string
  referrer_id: string
  source: "code" | "link" | "order" | "admin"
  code: string | null
  bound_at: Date
  expires_at: Date | null
  last_purchase_at: Date | null
}

export const REFERRAL_COLUMNS = `id, customer_id, referrer_id, source, code, bound_at, expires_at, last_purchase_at`
