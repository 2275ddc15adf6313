// What every order should have earned by now, computed here from what the simulation
// did to it — independently of the plugins' code, straight from the rules:
// SPEC §2.4 (commissions per line: a fixed amount per unit, or base × rate rounded half-up
// to the cent, never more than the base; 2 levels), §6.1 (points = floor(merchandise ×
// rate); growth = floor(merchandise)), and the one reversal rule of §0.4: a cancel
// reverses everything; a return reverses the returned units; refunds pay for returned
// goods first; what a refund pays beyond them reverses the kept goods in proportion to
// their value, shipping last; the total reversed is floor(earned × share). All money in
// integer cents (BigInt), shares as exact fractions.

const gcd = (a, b) => {
  a = a < 0n ? -a : a
  b = b < 0n ? -b : b
  while (b) [a, b] = [b, a % b]
  return a
}
const F = (n, d = 1n) => {
  n = BigInt(n)
  d = BigInt(d)
  if (d < 0n) [n, d] = [-n, -d]
  const g = gcd(n, d) || 1n
  return { n: n / g, d: d / g }
}
const add = (a, b) => F(a.n * b.d + b.n * a.d, a.d * b.d)
const sub = (a, b) => F(a.n * b.d - b.n * a.d, a.d * b.d)
const mul = (a, b) => F(a.n * b.n, a.d * b.d)
const div = (a, b) => F(a.n * b.d, a.d * b.n)
const lt = (a, b) => a.n * b.d < b.n * a.d
const min = (a, b) => (lt(a, b) ? a : b)
const max = (a, b) => (lt(a, b) ? b : a)
const isZero = (a) => a.n === 0n
const floor = (a) => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d))
const ZERO = F(0)
const ONE = F(1)
const clamp01 = (a) => min(max(a, ZERO), ONE)

/** Line value in cents: unit × quantity less the line's discount (points in the cart); no tax in the simulated store. */
export const lineCents = (l) => BigInt(l.unit_cents) * BigInt(l.quantity) - BigInt(l.discount_cents ?? 0)
export const goodsCents = (order) => order.lines.reduce((s, l) => s + lineCents(l), 0n)
export const totalCents = (order) => goodsCents(order) + BigInt(order.shipping_cents)

/** The shares of SPEC §0.4: per line and for the whole merchandise, each in [0, 1]. */
export function reversalShares(order) {
  if (order.canceled) return { lines: order.lines.map(() => ONE), merchandise: ONE }
  const lines = order.lines.map((l) => {
    const paid = F(lineCents(l))
    const returned = l.quantity > 0 ? mul(paid, F(l.returned ?? 0, l.quantity)) : ZERO
    return { paid, returned, kept: sub(paid, returned) }
  })
  const goods = lines.reduce((s, l) => add(s, l.paid), ZERO)
  const returned = lines.reduce((s, l) => add(s, l.returned), ZERO)
  const kept = sub(goods, returned)
  const goodwill = max(sub(F(order.refunded_cents), returned), ZERO)
  const toKept = min(goodwill, kept)
  return {
    lines: lines.map((l) => {
      if (isZero(l.paid)) return ZERO
      const fromGoodwill = isZero(kept) ? ZERO : div(mul(l.kept, toKept), kept)
      return clamp01(div(add(l.returned, fromGoodwill), l.paid))
    }),
    merchandise: isZero(goods) ? ZERO : clamp01(div(add(returned, toKept), goods)),
  }
}

/** floor(earned × share), all of it at a share of 1 (in the earned asset's smallest unit). */
const reversed = (earned, share) => (share.n >= share.d ? earned : floor(mul(F(earned), share)))

/** base × rate rounded half-up to the cent; rate as a decimal string such as "0.05". */
function rateOf(baseCents, rate) {
  const [int, frac = ""] = String(rate).split(".")
  const d = 10n ** BigInt(frac.length)
  const n = BigInt(int + frac)
  return (baseCents * n * 2n + d) / (2n * d)
}

/**
 * The commissions a line earns when placed (SPEC §2.4): per beneficiary (nearest first,
 * level 1 then 2), `rule` = { mode: "fixed", level1, level2 } in cents per unit or
 * { mode: "rate", level1, level2 } as decimal strings. Never more than the base in total.
 */
export function lineCommissions(line, rule, beneficiaries) {
  let left = lineCents(line)
  const out = []
  for (const b of beneficiaries) {
    if (left <= 0n) break
    let amount = rule.mode === "fixed" ? BigInt(b.level === 1 ? rule.level1 : rule.level2) * BigInt(line.quantity) : rateOf(lineCents(line), b.level === 1 ? rule.level1 : rule.level2)
    if (amount > left) amount = left
    if (amount <= 0n) continue
    left -= amount
    out.push({ beneficiary: b.customer_id, level: b.level, cents: amount })
  }
  return out
}

/**
 * What the order's own postings should add up to now: { commission: { customer_id: cents },
 * points, growth }. Commissions exist from placement (pending until paid, voided on
 * cancel); points and growth only once it is paid. The points a cart line paid with are
 * debited under the cart's hold, not the order, so only their return on cancel counts here.
 */
export function expectedOf(order) {
  const shares = reversalShares(order)
  const commission = {}
  order.lines.forEach((l, i) => {
    for (const c of l.commissions ?? []) {
      const net = c.cents - reversed(c.cents, shares.lines[i])
      commission[c.beneficiary] = (commission[c.beneficiary] ?? 0n) + net
    }
  })
  const earned = order.paid ? goodsCents(order) / 100n : 0n // points rate 1 per currency unit, floor
  const net = earned - reversed(earned, shares.merchandise)
  // points paid in the cart come back to the buyer when the order is canceled (SPEC §6.5)
  const returnedCartPoints = order.canceled ? BigInt(order.cart_points ?? 0) : 0n
  return { commission, points: net + returnedCartPoints, growth: net }
}
