/**
 * A month's dividend-point award as a list of postings (SPEC §3.1): the first
 * level reached posts its award, an upgrade tops up the difference, a refund that
 * takes the customer below a level reverses the excess (§0.4). The ledger is
 * append-only, so a row's reversed total only grows and a new top-up is a new row.
 */
export type AwardRow = { amount: number; reversed: number }

export type AwardPlan = {
  /** Points of a new top-up row (0 = none). */
  top_up: number
  /** New cumulative reversed totals, by row index (only rows that change). */
  reversals: { index: number; reversed_to: number }[]
  /** What the month's award is worth after the plan. */
  net: number
}

export const netAwarded = (rows: AwardRow[]) => rows.reduce((s, r) => s + r.amount - r.reversed, 0)

/** From the rows so far and the award the month should be worth now (`target`), what to post or reverse. */
export function planAward(rows: AwardRow[], target: number): AwardPlan {
  const net = netAwarded(rows)
  if (target > net) return { top_up: target - net, reversals: [], net: target }
  const reversals: AwardPlan["reversals"] = []
  let excess = net - target
  // newest first: the top-up for the highest level goes back first
  for (let i = rows.length - 1; i >= 0 && excess > 0; i--) {
    const left = rows[i].amount - rows[i].reversed
    if (left <= 0) continue
    const take = Math.min(left, excess)
    reversals.push({ index: i, reversed_to: rows[i].reversed + take })
    excess -= take
  }
  return { top_up: 0, reversals, net: target }
}
