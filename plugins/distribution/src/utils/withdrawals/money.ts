/**
 * Exact money for withdrawals: amounts are decimal strings in the currency's
 * major unit with at most 2 decimals, computed as bigint cents. Names are
 * withdrawal-specific so this barrel never collides with other utils.
 */
const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/

/** "12.3" | 12.3 → 1230n; throws on anything that is not a non-negative amount with ≤ 2 decimals. */
export function moneyToCents(value: string | number): bigint {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value).trim()
  const m = MONEY.exec(text)
  if (!m) throw new Error(`not an amount with at most 2 decimals: ${value}`)
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"))
}

export function isMoney(value: unknown): boolean {
  if (typeof value !== "string" && typeof value !== "number") return false
  try {
    moneyToCents(value)
    return true
  } catch {
    return false
  }
}

/** 1230n → "12.3" (canonical: no trailing zeros, no leading zeros). */
export function centsToMoney(cents: bigint): string {
  const sign = cents < 0n ? "-" : ""
  const abs = cents < 0n ? -cents : cents
  const frac = (abs % 100n).toString().padStart(2, "0").replace(/0+$/, "")
  return `${sign}${abs / 100n}${frac ? "." + frac : ""}`
}

/** A rate such as "0.006" or 0.1 as numerator / 10^k (exact; no float arithmetic). */
export function rateToFraction(rate: string | number): [bigint, bigint] {
  const text = typeof rate === "number" ? (Number.isFinite(rate) ? String(rate) : "") : String(rate).trim()
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) throw new Error(`not a rate: ${rate}`)
  const frac = m[2] ?? ""
  return [BigInt(m[1] + frac), 10n ** BigInt(frac.length)]
}
