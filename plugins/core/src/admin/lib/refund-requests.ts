import { useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../admin-kit"

// Mirrors `GET /admin/fission/refund-requests` (src/api/admin/fission/refund-requests/format.ts).
export type RefundRequest = {
  id: string
  cause_key: string
  order_id: string
  customer_id: string | null
  mode: "partial" | "cancel"
  destination: "original_payment" | "store_credit"
  amount: number | null
  currency_code: string
  refunded_amount: number
  status: "pending" | "processing" | "succeeded" | "failed"
  attempts: number
  max_attempts: number
  last_error: string | null
  next_attempt_at: string | null
  succeeded_at: string | null
  source_type: string
  source_id: string
  reason: string | null
  refunds: { type: string; id: string; amount: number | null }[]
  created_at: string
}
export type RefundRequestList = { refund_requests: RefundRequest[]; count: number; offset: number; limit: number }
export type RefundRequestFilters = { status?: string; order_id?: string; source_type?: string; source_id?: string }

export const REFUND_STATUSES = ["pending", "processing", "succeeded", "failed"] as const
export const refundStatusColor = (s: string) =>
  (({ succeeded: "green", failed: "red", processing: "orange", pending: "blue" }) as const)[s as "pending"] ?? "grey"

export const refundKeys = { all: ["fission-refund-requests"] as const }

/** POST …/retry, then refresh every refund-request list on the page. */
export function useRetryRefundRequest() {
  const queryClient = useQueryClient()
  return async (id: string) => {
    const { refund_request } = await sdk.client.fetch<{ refund_request: RefundRequest }>(
      `/admin/fission/refund-requests/${id}/retry`,
      { method: "POST", body: {} }
    )
    await queryClient.invalidateQueries({ queryKey: refundKeys.all })
    return refund_request
  }
}

