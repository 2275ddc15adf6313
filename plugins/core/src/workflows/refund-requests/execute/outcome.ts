import type { RefundRecord } from "../../../modules/refund-request"

/** What one attempt did: refunded (in total, including earlier attempts) or failed with an error. */
export type RefundOutcome =
  | { ok: true; refunded_amount: string; refunds: RefundRecord[] }
  | { ok: false; error: string; refunded_amount?: string; refunds?: RefundRecord[] }

export const errorText = (e: unknown) => String((e as any)?.message ?? e).slice(0, 1000)
