import { MathBN } from "@medusajs/framework/utils"
import { STORE_CREDIT_REFERENCE } from "../../../workflows/ledger/steps/credit-store-credit"

/**
 * One line of a customer's wallet history (SPEC §1): a ledger posting, or a
 * transaction of the customer's loyalty store-credit account. Amounts are signed
 * from the customer's point of view, in major units (SPEC §0.7).
 */
export type HistoryLine = {
  id: string
  /** `ledger`: a Fission posting; `store_credit`: a loyalty store-credit transaction. */
  origin: "ledger" | "store_credit"
  asset: string
  currency_code: string | null
  amount: number
  direction: "credit" | "debit"
  account: string
  status: string
  reason: string
  source_type: string | null
  source_id: string | null
  note: string | null
  reverses_posting_id: string | null
  /** The ledger posting: the line itself, or the posting that paid a store-credit transaction. */
  posting_id: string | null
  expires_at: string | null
  created_at: Date
}

export function ledgerLine(p: any): HistoryLine {
  const credit = p.direction === "credit"
  return {
    id: p.id,
    origin: "ledger",
    asset: p.asset,
    currency_code: p.currency_code,
    amount: credit ? Number(p.amount) : -Number(p.amount),
    direction: p.direction,
    account: credit ? p.credit_purpose : p.debit_purpose,
    status: p.status,
    reason: p.reason,
    source_type: p.source_type,
    source_id: p.source_id,
    note: p.note,
    reverses_posting_id: p.reverses_posting_id,
    posting_id: p.id,
    expires_at: p.expires_at,
    created_at: p.created_at,
  }
}

/** References the loyalty plugin (and Medusa's admin) write on store-credit transactions. */
const LOYALTY_REASONS: Record<string, string> = {
  cart: "store_credit.checkout", // spent on an order through a cart credit line
  order: "store_credit.order_refund", // an order refunded to store credit
  user: "store_credit.admin", // credited or debited by an admin in Medusa's admin
  "gift-card": "store_credit.gift_card",
  gift_card: "store_credit.gift_card",
  "store-credit": "store_credit.claim",
}
const COMPENSATION_REFERENCE = `${STORE_CREDIT_REFERENCE}_compensation`

/** The ledger posting a store-credit transaction came from, if Fission paid (or took back) it. */
export const postingIdOf = (t: { reference: string; reference_id: string }) =>
  t.reference === STORE_CREDIT_REFERENCE || t.reference === COMPENSATION_REFERENCE ? t.reference_id : null

/**
 * A store-credit transaction as a history line. Credit Fission paid carries the
 * cause of its posting (reason, source); the loyalty plugin's own movements get a
 * reason from their reference and keep it as their source.
 */
export function storeCreditLine(
  t: any,
  currency_code: string,
  posting?: { id: string; reason: string; source_type: string; source_id: string } | null
): HistoryLine {
  const credit = t.type === "credit"
  const amount = MathBN.convert(t.raw_amount ?? t.amount).toNumber()
  const compensation = t.reference === COMPENSATION_REFERENCE
  return {
    id: t.id,
    origin: "store_credit",
    asset: "store_credit",
    currency_code,
    amount: credit ? amount : -amount,
    direction: credit ? "credit" : "debit",
    account: "main",
    status: "posted",
    reason: posting
      ? compensation
        ? "store_credit.compensation"
        : posting.reason
      : LOYALTY_REASONS[t.reference] ?? `store_credit.${t.reference}`,
    source_type: posting ? posting.source_type : t.reference,
    source_id: posting ? posting.source_id : t.reference_id,
    note: t.note ?? null,
    reverses_posting_id: null,
    posting_id: postingIdOf(t),
    expires_at: null,
    created_at: new Date(t.created_at),
  }
}
