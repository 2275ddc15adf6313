import { MathBN } from "@medusajs/framework/utils"

type Decimal = string | number

// bignumber.js rounding mode ROUND_FLOOR
const FLOOR = 3

const floor = (n: ReturnType<typeof MathBN.convert>) => Number(n.integerValue(FLOOR).toFixed())

/** Points for paid product value (SPEC §6.1): floor(base × rate × level multiplier), never negative. */
export function pointsForPaid(base: Decimal, rate: Decimal, multiplier: Decimal = 1): number {
  return Math.max(0, floor(MathBN.mult(MathBN.mult(base, rate), multiplier)))
}

/** Growth value for paid product value: one per whole currency unit (growth is an integer asset). */
export function growthForPaid(base: Decimal): number {
  return Math.max(0, floor(MathBN.convert(base)))
}

/**
 * How much of `earned` should be reversed in total once `part` of `whole` has
 * been refunded or returned (SPEC §0.4): floor(earned × part / whole), all of it
 * once part ≥ whole. Rounding down while anything is left means a half refund of
 * 899 points takes back 449 and the second half the remaining 450; the customer
 * keeps the fraction, never loses more than in proportion.
 */
export function reversalTarget(earned: number, part: Decimal, whole: Decimal): number {
  if (earned <= 0 || MathBN.lte(whole, 0) || MathBN.lte(part, 0)) return 0
  if (MathBN.gte(part, whole)) return earned
  return Math.min(earned, floor(MathBN.div(MathBN.mult(earned, part), whole)))
}

/** Running refunded totals in refund order: element i is the sum of refunds 0..i. */
export function cumulative<T extends { amount: Decimal }>(refunds: T[]): (T & { upto: string })[] {
  let sum = MathBN.convert(0)
  return refunds.map((r) => {
    sum = MathBN.add(sum, r.amount)
    return { ...r, upto: sum.toFixed() }
  })
}
