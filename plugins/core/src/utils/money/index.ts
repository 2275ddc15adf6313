/**
 * Exact money (SPEC §0.1): amounts travel as decimal strings or numbers in the
 * currency's major unit and are computed as bigint minor units (2 decimals,
 * e.g. CNY fen) or exact fractions. Never floating point.
 */
export const MINOR_DIGITS = 2

/** A decimal (string, number or Medusa BigNumber-like) as canonical text; throws when it is not one. */
export function decimalText(value: unknown): string {
  if (typeof value === "bigint") return value.toString()
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite amount: ${value}`)
    // the shortest text that reads back as this number: 29.9 is "29.9", but 0.1 + 0.2 is
    // "0.30000000000000004" — not silently rounded into an amount (strict parsers refuse it)
    const text = String(value)
    if (!/e/i.test(text)) return text
    if (Math.abs(value) >= 1e21) throw new Error(`not a decimal amount: ${text}`)
    return value.toFixed(20).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")
  }
  if (value && typeof value === "object") {
    // Medusa's BigNumber (computed totals) or a bignumber.js instance
    const v = value as any
    if (v.bigNumber?.toFixed) return decimalText(v.bigNumber.toFixed())
    if (typeof v.toFixed === "function") return decimalText(v.toFixed())
    if (v.raw?.value !== undefined) return decimalText(String(v.raw.value))
  }
  const text = String(value ?? "").trim()
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal amount: ${text || String(value)}`)
  return text
}

/** An exact fraction n / d (d > 0). */
export type Fraction = { n: bigint; d: bigint }

/** A decimal as an exact fraction ("12.345" → 12345 / 1000). */
export function toFraction(value: unknown): Fraction {
  if (isFraction(value)) return reduce(value)
  const text = decimalText(value)
  const [, sign, int, frac = ""] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!
  const n = BigInt(int + frac)
  return reduce({ n: sign ? -n : n, d: 10n ** BigInt(frac.length) })
}

const isFraction = (v: unknown): v is Fraction =>
  !!v && typeof v === "object" && typeof (v as any).n === "bigint" && typeof (v as any).d === "bigint"

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a
  while (b) [a, b] = [b, a % b]
  return a || 1n
}

export function reduce({ n, d }: Fraction): Fraction {
  if (d < 0n) [n, d] = [-n, -d]
  const g = gcd(n, d)
  return { n: n / g, d: d / g }
}

export const frac = {
  of: (n: bigint | number, d: bigint | number = 1n): Fraction => reduce({ n: BigInt(n), d: BigInt(d) }),
  add: (a: Fraction, b: Fraction) => reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }),
  sub: (a: Fraction, b: Fraction) => reduce({ n: a.n * b.d - b.n * a.d, d: a.d * b.d }),
  mul: (a: Fraction, b: Fraction) => reduce({ n: a.n * b.n, d: a.d * b.d }),
  div: (a: Fraction, b: Fraction) => reduce({ n: a.n * b.d, d: a.d * b.n }),
  cmp: (a: Fraction, b: Fraction) => {
    const x = a.n * b.d - b.n * a.d
    return x < 0n ? -1 : x > 0n ? 1 : 0
  },
  min: (a: Fraction, b: Fraction) => (frac.cmp(a, b) <= 0 ? a : b),
  max: (a: Fraction, b: Fraction) => (frac.cmp(a, b) >= 0 ? a : b),
  isZero: (a: Fraction) => a.n === 0n,
}

/** Parses an amount with at most `digits` decimals into integer units of 10^-digits; throws on more. */
export function toUnits(value: unknown, digits = MINOR_DIGITS): bigint {
  const f = toFraction(value)
  const scale = 10n ** BigInt(digits)
  if ((f.n * scale) % f.d !== 0n) throw new Error(`more than ${digits} decimals: ${decimalText(value)}`)
  return (f.n * scale) / f.d
}

/** Minor units of an amount that must already be exact to the cent. */
export const toMinor = (value: unknown): bigint => toUnits(value, MINOR_DIGITS)

/** Minor units of any decimal, rounded half-up (e.g. a line total after a discount spread over lines). */
export function roundToMinor(value: unknown): bigint {
  const f = toFraction(value)
  return roundDiv(f.n * 10n ** BigInt(MINOR_DIGITS), f.d)
}

/** floor(x) of an exact fraction (towards −∞). */
export function floorOf({ n, d }: Fraction): bigint {
  const q = n / d
  return n < 0n && q * d !== n ? q - 1n : q
}

/** n / d rounded half-up (away from zero at .5), d > 0. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d)
  return n < 0n ? -q : q
}

/** Units → canonical decimal text ("1230", 2 → "12.3"; no trailing zeros). */
export function fromUnits(units: bigint, digits = MINOR_DIGITS): string {
  const sign = units < 0n ? "-" : ""
  const abs = units < 0n ? -units : units
  const scale = 10n ** BigInt(digits)
  const fraction = digits ? (abs % scale).toString().padStart(digits, "0").replace(/0+$/, "") : ""
  return `${sign}${abs / scale}${fraction ? "." + fraction : ""}`
}

/** Minor units → decimal text in the major unit (1234n → "12.34"). */
export const fromMinor = (units: bigint): string => fromUnits(units, MINOR_DIGITS)

/** `minor × numerator / denominator`, rounded half-up (denominator > 0). */
export const mulDiv = (minor: bigint, numerator: bigint, denominator: bigint): bigint => roundDiv(minor * numerator, denominator)

/** A non-negative rate such as "0.006" as an exact fraction; throws on anything else. */
export function rateFraction(rate: unknown): [bigint, bigint] {
  const f = toFraction(rate)
  if (f.n < 0n) throw new Error(`not a rate: ${decimalText(rate)}`)
  return [f.n, f.d]
}

/** Whether `value` is a non-negative amount with at most `digits` decimals. */
export function isMoney(value: unknown, digits = MINOR_DIGITS): boolean {
  try {
    return toUnits(value, digits) >= 0n
  } catch {
    return false
  }
}

/** Splits `total` units into `n` equal shares, the remainder on the last share (sums exactly). */
export function equalSplit(total: bigint, n: number): bigint[] {
  if (n <= 0) return []
  const base = total / BigInt(n)
  const shares = Array.from({ length: n }, () => base)
  shares[n - 1] += total - base * BigInt(n)
  return shares
}

/**
 * Largest-remainder split of `total` units by integer `weights` (sums exactly to
 * `total`; ties in the remainder go to the earlier weight).
 */
export function largestRemainderSplit(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n)
  if (sum <= 0n) return weights.map(() => 0n)
  const shares = weights.map((w) => (total * w) / sum)
  let left = total - shares.reduce((s, x) => s + x, 0n)
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))
  for (const { i } of order) {
    if (left <= 0n) break
    shares[i] += 1n
    left -= 1n
  }
  return shares
}

/**
 * bigNumber columns accept exact decimal strings at runtime; the DML-generated
 * input types only say `number`. This keeps money out of floating point.
 */
export const asBigNumberInput = (value: string | number) => value as unknown as number
