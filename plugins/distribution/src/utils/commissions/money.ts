/**
 * Exact decimal money in minor units (2 decimals) as bigint. Commission amounts
 * are computed here and handed to the ledger as decimal strings.
 */
export const SCALE = 100n

export function toMinor(value: string | number): bigint {
  const text = typeof value === "number" ? value.toFixed(10) : String(value)
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!m) throw new Error(`not a decimal amount: ${value}`)
  const [, sign, int, frac = ""] = m
  // round half-up on the third decimal
  const cents = BigInt(int) * SCALE + BigInt((frac + "00").slice(0, 2))
  const up = frac.length > 2 && Number(frac[2]) >= 5 ? 1n : 0n
  return (sign ? -1n : 1n) * (cents + up)
}

export function toDecimal(minor: bigint): string {
  const neg = minor < 0n
  const abs = neg ? -minor : minor
  const int = abs / SCALE
  const frac = (abs % SCALE).toString().padStart(2, "0").replace(/0+$/, "")
  return `${neg ? "-" : ""}${int}${frac ? "." + frac : ""}`
}

/** `minor × numerator / denominator`, rounded half-up (denominator > 0). */
export function mulDiv(minor: bigint, numerator: bigint, denominator: bigint): bigint {
  const product = minor * numerator * 2n
  const q = product / denominator
  return (q + (q >= 0n ? 1n : -1n)) / 2n
}

/** A rate like "0.1" or 0.05 as a fraction numerator / 10^k. */
export function rateFraction(rate: string | number): [bigint, bigint] {
  const text = typeof rate === "number" ? String(rate) : rate
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!m) throw new Error(`not a rate: ${rate}`)
  const frac = m[2] ?? ""
  return [BigInt(m[1] + frac), 10n ** BigInt(frac.length)]
}

/**
 * bigNumber columns accept exact decimal strings at runtime; the DML-generated
 * input types only say `number`. This keeps money out of floating point.
 */
export const asBigNumberInput = (value: string | number) => value as unknown as number
