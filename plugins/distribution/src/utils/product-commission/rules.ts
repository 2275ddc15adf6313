import { MedusaError } from "@medusajs/framework/utils"
import { MONEY_MAX } from "@fission/core/utils"

/**
 * A product- or variant-level commission rule as the admin sets it (SPEC §2.4):
 * `rate` pays level1/level2 as fractions of what the buyer paid (0.1 = 10%),
 * `fixed` pays level1/level2 per unit in the store currency (the "899 package
 * pays 100 / 50" rule), `excluded` pays nothing. Variant rules win over the
 * product rule, which wins over the store's default rates.
 */
export type ProductCommissionMode = "rate" | "fixed" | "excluded"
export const PRODUCT_COMMISSION_MODES = ["rate", "fixed", "excluded"] as const

export type ProductRuleInput = {
  mode: ProductCommissionMode
  level1?: string | number | null
  level2?: string | number | null
}

/** Level values as exact decimal strings (null for `excluded`). */
export type ProductRule = { mode: ProductCommissionMode; level1: string | null; level2: string | null }

// Rates keep up to 6 decimals (0.125 = 12.5%); fixed amounts are money (2 decimals).
const RATE = /^\d+(\.\d{1,6})?$/
const MONEY = /^\d+(\.\d{1,2})?$/
const MAX_FIXED = MONEY_MAX

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v))

/** "0.100" → "0.1", "007" → "7": one spelling per value, so equal rules compare equal. */
function canonical(text: string): string {
  const [int, frac = ""] = text.split(".")
  const i = int.replace(/^0+(?=\d)/, "")
  const f = frac.replace(/0+$/, "")
  return f ? `${i}.${f}` : i
}

function decimalText(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null
  if (typeof value === "string") return value.trim()
  return null
}

function rate(field: string, value: unknown): string {
  const text = decimalText(value)
  if (text === null || !RATE.test(text) || Number(text) > 1) {
    throw invalid(`${field} must be a rate from 0 to 1 with at most 6 decimals, e.g. 0.1 for 10% (got ${show(value)})`)
  }
  return canonical(text)
}

function fixed(field: string, value: unknown): string {
  const text = decimalText(value)
  if (text === null || !MONEY.test(text) || Number(text) > MAX_FIXED) {
    throw invalid(`${field} must be an amount ≥ 0 and ≤ ${MAX_FIXED} with at most 2 decimals, paid per unit (got ${show(value)})`)
  }
  return canonical(text)
}

const given = (v: unknown) => v !== undefined && v !== null && v !== ""

/**
 * Checks one rule; `field` prefixes the names in messages (e.g. "variants[1]").
 * Throws INVALID_DATA naming the field. Both levels are required for `rate` and
 * `fixed` (0 pays nothing at that level); `excluded` takes no levels.
 */
export function normalizeProductRule(input: ProductRuleInput, field = ""): ProductRule {
  const name = (f: string) => (field ? `${field}.${f}` : f)
  if (!PRODUCT_COMMISSION_MODES.includes(input.mode as ProductCommissionMode)) {
    throw invalid(`${name("mode")} must be one of rate, fixed, excluded (got ${show(input.mode)})`)
  }
  if (input.mode === "excluded") {
    for (const level of ["level1", "level2"] as const) {
      if (given(input[level])) throw invalid(`${name(level)} must be empty when ${name("mode")} is excluded`)
    }
    return { mode: "excluded", level1: null, level2: null }
  }
  for (const level of ["level1", "level2"] as const) {
    if (!given(input[level])) {
      throw invalid(`${name(level)} is required when ${name("mode")} is ${input.mode} (use 0 to pay nothing at that level)`)
    }
  }
  if (input.mode === "fixed") {
    return { mode: "fixed", level1: fixed(name("level1"), input.level1), level2: fixed(name("level2"), input.level2) }
  }
  const level1 = rate(name("level1"), input.level1)
  const level2 = rate(name("level2"), input.level2)
  // same rule as the store settings: the two levels together never pay more than the sale
  if (Number(level1) + Number(level2) > 1) {
    throw invalid(`${name("level1")} + ${name("level2")} must not exceed 1 (got ${level1} + ${level2})`)
  }
  return { mode: "rate", level1, level2 }
}

/** Same rule (mode and values)? Levels compare as canonical decimal strings. */
export function sameProductRule(a: { mode: string; level1: unknown; level2: unknown }, b: ProductRule): boolean {
  const level = (v: unknown) => (v === null || v === undefined ? null : canonical(String(v)))
  return a.mode === b.mode && level(a.level1) === level(b.level1) && level(a.level2) === level(b.level2)
}
