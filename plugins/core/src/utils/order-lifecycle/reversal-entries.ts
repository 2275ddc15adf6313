import type { ReverseInput } from "../../modules/ledger/types"
import { reversalTarget, Share } from "./reversal"

export type Earning = {
  /** The ledger posting that credited the earning. */
  posting_key: string
  /** What it credited (decimal text). */
  amount: string | number
  /** Decimal places of the asset (2 for money, 0 for points/growth). */
  digits: number
  /** The share of it to have reversed in total (`order.reversal.lines[id]` or `.merchandise`). */
  share: Share
  reason: string
  source_type?: string
  source_id?: string
  /**
   * `order.reversal.as_of` of the state the share comes from. With it, a lower target
   * gives back what was reversed beyond it (a reinstatement); without it, reversals only grow.
   */
  as_of?: string
}

/**
 * Ledger reversals that bring each earning to its cumulative target (SPEC §0.4):
 * `to_total` makes the ledger post only the difference, under the original's row
 * lock, and the key names the target, so a repeated event posts nothing twice.
 * With the order state's `as_of` the difference goes both ways (`reinstate`): a
 * target can go down as the order's history unfolds (a goodwill refund first spread
 * over every line, then attributed to a line returned since), and what was reversed
 * beyond it is given back — only for a state later than the ledger last acted on, so
 * a redelivered older event never undoes a newer one. So a target of 0 is an entry
 * too (it gives back whatever was reversed; nothing when nothing was). What the
 * customer already spent becomes debt; a reinstatement repays that debt first.
 */
export function reversalEntriesFor(earnings: Earning[]): ReverseInput[] {
  const entries: ReverseInput[] = []
  for (const e of earnings) {
    const target = reversalTarget(e.amount, e.share, e.digits)
    if (e.as_of === undefined && target === "0") continue
    entries.push({
      idempotency_key: e.posting_key,
      reversal_key: `${e.posting_key}:reversed-to:${target}`,
      to_total: target,
      on_shortfall: "debt",
      ...(e.as_of !== undefined ? { reinstate: true, as_of: e.as_of } : {}),
      reason: e.reason,
      ...(e.source_type ? { source_type: e.source_type, source_id: e.source_id } : {}),
    })
  }
  return entries
}
