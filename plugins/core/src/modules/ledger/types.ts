import { AccountRef, LedgerAsset } from "../../utils/ledger"

export type PostingInput = {
  /** Unique per cause, e.g. `commission:order_123:level1`; a repeat returns the first result. */
  idempotency_key: string
  asset: LedgerAsset
  /** Required for money assets (commission, shopping_fund). */
  currency_code?: string | null
  amount: string | number
  from: AccountRef
  to: AccountRef
  /** `pending` freezes the amount (two-phase); settle later with post or void. Default `posted`. */
  status?: "posted" | "pending"
  reason: string
  source_type: string
  source_id: string
  note?: string | null
  metadata?: Record<string, unknown> | null
  /** Lot expiry of a credit to a lot-tracked asset (points). */
  expires_at?: Date | string | null
  reverses_posting_id?: string | null
}

export type PostingSelector = { posting_id?: string; idempotency_key?: string }

export type SettleInput = PostingSelector & { action: "post" | "void" }

export type ReverseInput = PostingSelector & {
  /** Key of the reversal itself, e.g. `commission:order_123:level1:refund:ref_1`. */
  reversal_key: string
  /** Default: everything not yet reversed. */
  amount?: string | number
  /**
   * Cumulative instead of `amount`: reverse until the original's total reversed
   * reaches this (capped at the original), posting only what is missing — nothing
   * when it is reached already. Decided under the original's row lock, so
   * concurrent or reordered events for the same target never reverse twice
   * (SPEC §0.4). Use a reversal key per target, e.g. `<key>:reversed-to:130`.
   */
  to_total?: string | number
  /**
   * With `to_total`: a target below what is already reversed gives the difference
   * back (a *reinstatement*, reason `<reason>.reinstated`, SPEC §0.4: a target can
   * go down as an order's history unfolds, e.g. a goodwill refund spread over two
   * lines and then attributed to the line returned since). The reinstatement
   * repays the customer's debt first. Decided under the original's row lock from
   * the net reversed, so the key only needs to name the target; a target met,
   * left and met again gets a fresh key (`<reversal_key>:<n>`). Without it a lower
   * target posts nothing (reversals only grow). `reversalEntriesFor` sets it.
   */
  reinstate?: boolean
  /**
   * With `reinstate`: a marker of the state the target was computed from, a whole number
   * that only grows along an order's history (`order.reversal.as_of`). A reinstatement
   * happens only when it is later than every state earlier reversals of the original were
   * decided at, so a redelivered event carrying an older snapshot, or one planned before a
   * newer event committed, never gives back what the newer state reversed. Recorded in the
   * postings' metadata.
   */
  as_of?: string
  reason?: string
  note?: string | null
  source_type?: string
  source_id?: string
  /** For spendable assets: record what the customer already spent as debt (SPEC §0.4) instead of failing. */
  on_shortfall?: "fail" | "debt"
}
