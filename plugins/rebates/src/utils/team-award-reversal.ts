import { fromMinor, toMinor } from "@fission/core/utils"

export type TeamAwardState = { amount: string; points: number; held_amount: string; status: string }

export type TeamAwardReversal =
  | { kind: "none" }
  /** consumed or released: give back points (a cumulative total) */
  | { kind: "return_points"; reversed_amount: string; points_returned: number }
  /** frozen: fewer points due, the hold lowered by `hold_reduction` (cumulative) */
  | { kind: "shrink"; reversed_amount: string; points: number; hold_reduction: string; status: "frozen" | "reversed" }

/** Dividend points a team award of `amount` consumes (SPEC §3.2: the same number; cents round up). */
export const pointsForAward = (amount: string | number): number => Number((toMinor(amount) + 99n) / 100n)

/**
 * What a team award becomes once `reversed_total` of its commission was reversed (SPEC
 * §0.4, in proportion): the award now counts `amount − reversed` and consumes the points
 * of that. A consumed (or released) award gives back what it took beyond them; a frozen
 * one owes only them, and its hold never covers more than what is left of the award —
 * in full reversed it is over (`reversed`: nothing left to release).
 */
export function teamAwardAfterReversal(award: TeamAwardState, reversed_total: string): TeamAwardReversal {
  const amount = toMinor(award.amount)
  const reversedMinor = toMinor(reversed_total) < amount ? toMinor(reversed_total) : amount
  const remaining = amount - reversedMinor
  const due = pointsForAward(fromMinor(remaining))
  const reversed_amount = fromMinor(reversedMinor)
  if (award.status === "consumed" || award.status === "released") {
    return { kind: "return_points", reversed_amount, points_returned: Math.max(0, award.points - due) }
  }
  if (award.status === "frozen") {
    const held = toMinor(award.held_amount)
    const reduction = held > remaining ? held - remaining : 0n
    return { kind: "shrink", reversed_amount, points: due, hold_reduction: fromMinor(reduction), status: remaining === 0n ? "reversed" : "frozen" }
  }
  return { kind: "none" }
}
