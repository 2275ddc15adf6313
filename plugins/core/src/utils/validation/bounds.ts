import { MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * Input bounds shared by every Fission plugin (SPEC §0.7, §0.10): a value outside
 * them is a 400 naming the field, never a 500 from PostgreSQL and never an absurd
 * setting saved. One wording everywhere: "<field> must be …(got …)".
 */

/** Largest value of a PostgreSQL `integer` column (positions, counts, points, days). */
export const PG_INTEGER_MAX = 2_147_483_647

/**
 * Largest money amount accepted anywhere (prices, caps, thresholds, rewards), in the
 * currency's major unit: 100 million. Money has at most 2 decimals.
 */
export const MONEY_MAX = 100_000_000

/** Default lengths of free text: ids and codes, names and titles, longer descriptions. */
export const TEXT_MAX = { id: 100, name: 200, text: 2000 } as const

export type IntegerBounds = { min?: number; max?: number }
export type DecimalBounds = { min?: number; max?: number; decimals?: number; minExclusive?: boolean }

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v))
const DECIMAL = /^-?\d+(\.\d+)?$/

/** Why `value` is not an integer within bounds (default 0 … PG_INTEGER_MAX), or null. */
export function integerProblem(value: unknown, { min = 0, max = PG_INTEGER_MAX }: IntegerBounds = {}): string | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return null
  return `must be an integer from ${min} to ${max} (got ${show(value)})`
}

/**
 * Why `value` (a number or a decimal string, never exponent notation) is not a
 * decimal within bounds, or null. Compared exactly (bignumber), never as a float.
 */
export function decimalProblem(value: unknown, bounds: DecimalBounds = {}): string | null {
  const { min = 0, max = MONEY_MAX, decimals = 2, minExclusive = false } = bounds
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : null
  const range = `${minExclusive ? `greater than ${min}` : `from ${min}`} to ${max}`
  const why = `must be a decimal number ${range} with at most ${decimals} decimal${decimals === 1 ? "" : "s"} (got ${show(value)})`
  if (text === null || !DECIMAL.test(text)) return why
  const fraction = (text.split(".")[1] ?? "").replace(/0+$/, "")
  const n = MathBN.convert(text)
  if (fraction.length > decimals || MathBN.gt(n, max) || (minExclusive ? MathBN.lte(n, min) : MathBN.lt(n, min))) return why
  return null
}

const invalid = (field: string, problem: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${problem}`)

/** `value` as an integer within bounds, else INVALID_DATA "<field> must be an integer from … (got …)". */
export function checkInteger(field: string, value: unknown, bounds?: IntegerBounds): number {
  const problem = integerProblem(value, bounds)
  if (problem) throw invalid(field, problem)
  return value as number
}

/** `value` as a number within bounds (exact decimal checked first), else INVALID_DATA naming the field. */
export function checkDecimal(field: string, value: unknown, bounds?: DecimalBounds): number {
  const problem = decimalProblem(value, bounds)
  if (problem) throw invalid(field, problem)
  return Number(value)
}
