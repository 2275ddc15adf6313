import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

export type RefundablePayment = {
  id: string
  /** Captured minus refunded, in the major unit. */
  refundable: BigNumberInput
}

export type RefundAllocation = { payment_id: string; amount: string }

/**
 * Splits `amount` over the order's captured payments, oldest first, never more than a
 * payment's refundable amount. Exact (MathBN). `shortfall` > 0 means the payments
 * cannot cover the amount; nothing should be refunded then.
 */
export function allocateRefund(amount: BigNumberInput, payments: RefundablePayment[]) {
  let remaining = MathBN.convert(amount)
  const allocations: RefundAllocation[] = []
  for (const p of payments) {
    if (MathBN.lte(remaining, 0)) break
    const refundable = MathBN.convert(p.refundable)
    if (MathBN.lte(refundable, 0)) continue
    const take = MathBN.min(remaining, refundable)
    allocations.push({ payment_id: p.id, amount: take.toString() })
    remaining = MathBN.sub(remaining, take)
  }
  return { allocations, shortfall: MathBN.max(remaining, 0).toString() }
}

type PaymentLike = {
  id: string
  raw_amount?: BigNumberInput | null
  amount?: BigNumberInput | null
  captures?: { raw_amount?: BigNumberInput | null; amount?: BigNumberInput | null }[] | null
  refunds?: RefundLike[] | null
}
export type RefundLike = {
  id: string
  raw_amount?: BigNumberInput | null
  amount?: BigNumberInput | null
  note?: string | null
  metadata?: Record<string, unknown> | null
}

const value = (x: { raw_amount?: BigNumberInput | null; amount?: BigNumberInput | null }) =>
  MathBN.convert((x.raw_amount ?? x.amount ?? 0) as BigNumberInput)
/** The exact sum of Medusa amount rows (captures, refunds, actions): `raw_amount` when present. */
export const sumAmounts = (xs: { raw_amount?: unknown; amount?: unknown }[] | null | undefined) =>
  (xs ?? []).reduce((acc, x) => MathBN.add(acc, value(x as any)), MathBN.convert(0))

/** What can still be refunded from each payment: captured − refunded. */
export function refundablePayments(payments: PaymentLike[]): RefundablePayment[] {
  return payments.map((p) => ({ id: p.id, refundable: MathBN.sub(sumAmounts(p.captures), sumAmounts(p.refunds)).toString() }))
}

/** Metadata key that ties a Medusa refund to the refund request that made it. */
export const REFUND_REQUEST_METADATA_KEY = "fission_refund_request_id"

/** The note on every Medusa refund a request makes; it names the request, so it is found again after a crash. */
export const refundNote = (requestId: string, causeKey: string) => `Fission refund request ${requestId} (${causeKey})`

/** Did this request make the refund? (metadata first; the note as a fallback for providers that drop metadata). */
export const isRefundOf = (refund: RefundLike, requestId: string) =>
  refund.metadata?.[REFUND_REQUEST_METADATA_KEY] === requestId || (refund.note ?? "").includes(requestId)

/** The refunds a request already made on these payments, and their total. */
export function refundsOfRequest(payments: PaymentLike[], requestId: string) {
  const mine = payments.flatMap((p) => (p.refunds ?? []).filter((r) => isRefundOf(r, requestId)))
  return { refunds: mine.map((r) => ({ id: r.id, amount: value(r).toString() })), total: sumAmounts(mine).toString() }
}
