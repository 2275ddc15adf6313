import type { RefundDestination, RefundMode, RefundRequestRow } from "../../modules/refund-request"

/** Emitted when requests are created (async processing): `{ ids }`, at most 100 ids per message. */
export const REFUND_REQUESTED_EVENT = "fission.refund.requested"
/** Emitted once a request has succeeded. */
export const REFUND_SUCCEEDED_EVENT = "fission.refund.succeeded"
/** Emitted once a request has failed its last automatic attempt (an admin may still retry it). */
export const REFUND_FAILED_EVENT = "fission.refund.failed"

/** Payload of `fission.refund.succeeded` / `fission.refund.failed`: enough to react without reading core tables. */
export type RefundRequestEventData = {
  id: string
  cause_key: string
  order_id: string
  customer_id: string | null
  source_type: string
  source_id: string
  mode: RefundMode
  destination: RefundDestination
  amount: string | null
  refunded_amount: string
  currency_code: string
  attempts: number
  /** Failed only: the last attempt's error. */
  error?: string | null
}

export const refundEventData = (r: RefundRequestRow): RefundRequestEventData => ({
  id: r.id,
  cause_key: r.cause_key,
  order_id: r.order_id,
  customer_id: r.customer_id,
  source_type: r.source_type,
  source_id: r.source_id,
  mode: r.mode,
  destination: r.destination,
  amount: r.amount,
  refunded_amount: r.refunded_amount,
  currency_code: r.currency_code,
  attempts: r.attempts,
  ...(r.status === "failed" ? { error: r.last_error } : {}),
})
