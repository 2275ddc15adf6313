import { floorOf, frac, Fraction, fromUnits, toFraction } from "../money"

/**
 * The one reversal rule of SPEC §0.4, shared by every plugin. Given what an order
 * looks like now (its lines, what was refunded in total, which goods came back,
 * whether it was canceled), it says which share of each line's earnings — and of
 * the order's — should be reversed *in total* by now. Plugins post only the
 * difference to what they already reversed, so the order in which refunds,
 * returns and redeliveries arrive does not matter.
 *
 * - A cancel reverses everything.
 * - A return reverses the returned units of its lines, refunded or not (the goods
 *   are back).
 * - Refunds pay for returned goods first: a refund that pays for a return does not
 *   reverse that return a second time.
 * - What a refund pays beyond the returned goods (a goodwill refund) reverses the
 *   goods still kept, in proportion to their value, then shipping. So a full refund
 *   including shipping reverses everything and never more, and refunding exactly one
 *   unit's price of a 2-unit order reverses exactly one unit's earnings.
 *
 * Amounts are what the buyer paid (line totals after discounts; the refund is
 * compared with them in the same terms). Shares are exact fractions, so rounding
 * happens once, in `reversalTarget`, at the scale of the earned asset.
 */
export type ReversalLine = {
  id: string
  quantity: number
  /** What the buyer paid for the line: after discounts (tax included when the refund includes it). */
  paid: unknown
  /** Units received back (returns), 0..quantity. */
  returned_quantity?: number
}

export type ReversalInput = {
  lines: ReversalLine[]
  /** Cumulative amount refunded on the order's payments. */
  refunded: unknown
  canceled?: boolean
}

/** numerator / denominator as integer strings (JSON-safe), 0 ≤ value ≤ 1. */
export type Share = { numerator: string; denominator: string }

export type OrderReversal = {
  /** Per line: the share of that line's earnings to have reversed in total. */
  lines: Record<string, Share>
  /** The share of order-level earnings (computed on the whole merchandise) to have reversed in total. */
  merchandise: Share
  /** Value of the goods returned (decimal text). */
  returned: string
  /** Refunded beyond the returned goods and applied to the goods kept. */
  refunded_goods: string
  /** Refunded beyond all merchandise (shipping, tax on shipping). */
  refunded_beyond_goods: string
  /**
   * Where this state lies in the order's history: a whole number (text) that only grows as
   * refunds, returns and the cancel arrive (units returned, then the refunded amount in
   * 1/10,000, a cancel above all). The ledger gives reversed value back only for a later
   * state than it last acted on (`ReverseInput.as_of`).
   */
  as_of: string
}

const AS_OF_RETURNED = 10n ** 24n
const AS_OF_CANCELED = 10n ** 36n
function asOf(returnedUnits: number, refunded: Fraction, canceled: boolean) {
  const refundedTenThousandths = floorOf(frac.mul(frac.max(refunded, ZERO), frac.of(10_000n)))
  return ((canceled ? AS_OF_CANCELED : 0n) + BigInt(returnedUnits) * AS_OF_RETURNED + refundedTenThousandths).toString()
}

const ZERO = frac.of(0)
const ONE = frac.of(1)
const share = (f: Fraction): Share => {
  const v = frac.min(frac.max(f, ZERO), ONE)
  return { numerator: v.n.toString(), denominator: v.d.toString() }
}
const text = (f: Fraction) => {
  // informational amounts: exact when they terminate, else 20 decimals rounded down
  const scaled = floorOf(frac.mul(f, frac.of(10n ** 20n)))
  return fromUnits(scaled, 20)
}

export function orderReversal(input: ReversalInput): OrderReversal {
  const lines = input.lines.map((l) => {
    const paid = frac.max(toFraction(l.paid ?? 0), ZERO)
    const q = Math.max(0, Math.floor(Number(l.quantity) || 0))
    const r = Math.min(q, Math.max(0, Math.floor(Number(l.returned_quantity ?? 0) || 0)))
    const returned = q > 0 ? frac.mul(paid, frac.of(r, q)) : ZERO
    return { id: l.id, paid, returned, kept: frac.sub(paid, returned) }
  })
  const goods = lines.reduce((s, l) => frac.add(s, l.paid), ZERO)
  const refunded = frac.max(toFraction(input.refunded ?? 0), ZERO)
  const returnedUnits = input.lines.reduce((n, l) => n + Math.min(Math.max(0, Math.floor(Number(l.quantity) || 0)), Math.max(0, Math.floor(Number(l.returned_quantity ?? 0) || 0))), 0)
  const as_of = asOf(returnedUnits, refunded, !!input.canceled)
  if (input.canceled) {
    return {
      lines: Object.fromEntries(lines.map((l) => [l.id, share(ONE)])),
      merchandise: share(ONE),
      returned: text(lines.reduce((s, l) => frac.add(s, l.returned), ZERO)),
      refunded_goods: text(lines.reduce((s, l) => frac.add(s, l.kept), ZERO)),
      refunded_beyond_goods: "0",
      as_of,
    }
  }

  const returned = lines.reduce((s, l) => frac.add(s, l.returned), ZERO)
  const kept = frac.sub(goods, returned)
  const goodwill = frac.max(frac.sub(refunded, returned), ZERO)
  const toKept = frac.min(goodwill, kept)

  const perLine: Record<string, Share> = {}
  for (const l of lines) {
    if (frac.isZero(l.paid)) {
      perLine[l.id] = share(ZERO)
      continue
    }
    // returned units + this line's part of the goodwill (kept value × toKept / kept)
    const fromGoodwill = frac.isZero(kept) ? ZERO : frac.div(frac.mul(l.kept, toKept), kept)
    perLine[l.id] = share(frac.div(frac.add(l.returned, fromGoodwill), l.paid))
  }
  return {
    lines: perLine,
    merchandise: share(frac.isZero(goods) ? ZERO : frac.div(frac.add(returned, toKept), goods)),
    returned: text(returned),
    refunded_goods: text(toKept),
    refunded_beyond_goods: text(frac.sub(goodwill, toKept)),
    as_of,
  }
}

/**
 * How much of `earned` should be reversed in total for `share`: floor(earned ×
 * share) at the asset's decimal places, all of it at a share of 1. Rounding down
 * while anything is left means the customer keeps a fraction, never loses more
 * than in proportion; the last reversal takes the rest. Returns decimal text.
 */
export function reversalTarget(earned: unknown, s: Share, digits = 0): string {
  const e = toFraction(earned)
  const n = BigInt(s.numerator)
  const d = BigInt(s.denominator)
  if (e.n <= 0n || n <= 0n || d <= 0n) return "0"
  if (n >= d) return fromUnits(floorOf(frac.mul(e, frac.of(10n ** BigInt(digits)))), digits)
  const scaled = frac.mul(frac.mul(e, frac.of(n, d)), frac.of(10n ** BigInt(digits)))
  return fromUnits(floorOf(scaled), digits)
}
