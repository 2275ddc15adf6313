/**
 * Exact money for group draws (SPEC §0.1): amounts are decimal strings/numbers in the
 * major unit, computed as integer minor units (2 decimals, e.g. CNY fen). Never floats.
 */
const SCALE = 2

/** Parses a decimal (number or string) into an integer count of 10^-scale units; throws on more decimals. */
export function toScaled(value: unknown, scale = SCALE): bigint {
  const text = typeof value === "number" ? numberText(value) : String(value ?? "").trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`not a decimal amount: ${text}`)
  const [, sign, whole, frac = ""] = match
  if (frac.replace(/0+$/, "").length > scale) throw new Error(`more than ${scale} decimals: ${text}`)
  const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt((frac + "0".repeat(scale)).slice(0, scale) || "0")
  return sign === "-" ? -units : units
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite amount: ${n}`)
  // toFixed avoids exponent notation; 10 digits is far beyond money precision
  return n.toFixed(10).replace(/\.?0+$/, "")
}

export const toMinor = (value: unknown): bigint => toScaled(value, SCALE)

/** Minor units → decimal string in the major unit ("1234" → "12.34"). */
export function fromMinor(units: bigint): string {
  const sign = units < 0n ? "-" : ""
  const abs = units < 0n ? -units : units
  const whole = abs / 100n
  const frac = (abs % 100n).toString().padStart(SCALE, "0")
  return `${sign}${whole}.${frac}`
}

export const isMoney = (value: unknown, scale = SCALE): boolean => {
  try {
    toScaled(value, scale)
    return true
  } catch {
    return false
  }
}

/** Equal red-envelope split: floor(total / n) each, the remainder goes to the last share. */
export function equalSplit(totalMinor: bigint, n: number): bigint[] {
  if (n <= 0) return []
  const base = totalMinor / BigInt(n)
  const shares = Array.from({ length: n }, () => base)
  shares[n - 1] += totalMinor - base * BigInt(n)
  return shares
}

/** Winner shopping fund: price × ratio, rounded down to the minor unit (the remainder stays with the platform). */
export function shoppingFundOf(priceMinor: bigint, ratio: unknown): bigint {
  const micro = toScaled(ratio, 6)
  return (priceMinor * micro) / 1_000_000n
}
