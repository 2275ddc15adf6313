export type RefundMode = "partial" | "cancel"
export type RefundDestination = "original_payment" | "store_credit"
export type RefundRequestStatus = "pending" | "processing" | "succeeded" | "failed"

/** What a campaign asks for. Amounts are decimals in the currency's major unit. */
export type CreateRefundRequestInput = {
  /** Unique per cause, e.g. `group_draw:<group>:<member>:refund`, `presale:<campaign>:<participant>:step:3`. */
  cause_key: string
  order_id: string
  mode: RefundMode
  /** Required for `partial`, absent for `cancel`. */
  amount?: string | number | null
  /** Default `original_payment`; `store_credit` only with `partial`. */
  destination?: RefundDestination
  source_type: string
  source_id: string
  reason?: string | null
  note?: string | null
  metadata?: Record<string, unknown> | null
  /** Default 10. */
  max_attempts?: number
}

/** A request row as the service returns it (amounts as decimal strings). */
export type RefundRequestRow = {
  id: string
  cause_key: string
  order_id: string
  customer_id: string | null
  mode: RefundMode
  destination: RefundDestination
  amount: string | null
  currency_code: string
  refunded_amount: string
  status: RefundRequestStatus
  attempts: number
  max_attempts: number
  last_error: string | null
  next_attempt_at: Date | null
  locked_until: Date | null
  succeeded_at: Date | null
  source_type: string
  source_id: string
  reason: string | null
  note: string | null
  refunds: RefundRecord[] | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type RefundRecord = { type: "payment_refund" | "store_credit" | "order_cancel"; id: string; amount: string | null }

/** A validated request ready to insert (order facts resolved). */
export type NewRefundRequest = Required<Pick<CreateRefundRequestInput, "cause_key" | "order_id" | "mode" | "source_type" | "source_id">> & {
  amount: string | null
  destination: RefundDestination
  currency_code: string
  customer_id: string | null
  reason: string | null
  note: string | null
  metadata: Record<string, unknown> | null
  max_attempts: number
}
