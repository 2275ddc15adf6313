import { z } from "@medusajs/framework/zod"
import { DecimalBounds, decimalProblem, IntegerBounds, integerProblem, MONEY_MAX, PG_INTEGER_MAX, TEXT_MAX } from "./bounds"

/**
 * Zod building blocks for every Fission validator (SPEC §0.7): each one names its
 * field in the 400 and keeps values inside what PostgreSQL and the business accept,
 * so bad input never reaches the database. Use them instead of a bare `z.number()`
 * or `z.string()`:
 *
 *     import { zInt, zMoney, zText } from "@fission/core/utils"
 *     z.strictObject({ position: zInt("position").optional(), name: zText("name") })
 */

const noNul = (v: string) => !v.includes("\u0000")

/** An integer in a JSON body, 0 … 2,147,483,647 unless narrowed. */
export const zInt = (field: string, bounds?: IntegerBounds) =>
  z.number().superRefine((v, ctx) => {
    const problem = integerProblem(v, bounds)
    if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` })
  })

/** An integer from a query string ("20" → 20), same bounds and wording as zInt. */
export const zQueryInt = (field: string, bounds?: IntegerBounds) =>
  z.coerce.number().superRefine((v, ctx) => {
    const problem = integerProblem(v, bounds)
    if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` })
  })

/** `limit` of a list route: 1 … max, default `fallback`. */
export const zLimit = (max = 100, fallback = 20) => zQueryInt("limit", { min: 1, max }).default(fallback)

/** `offset` of a list route: 0 … 2,147,483,647, default 0. */
export const zOffset = () => zQueryInt("offset", { min: 0, max: PG_INTEGER_MAX }).default(0)

/**
 * An exact decimal given as a number or a string (no exponent notation); the value
 * passes through unchanged so callers keep the exactness of strings.
 */
export const zDecimal = (field: string, bounds: DecimalBounds) =>
  z.union([z.number(), z.string()]).superRefine((v, ctx) => {
    const problem = decimalProblem(v, bounds)
    if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` })
  })

/** Money in the currency's major unit: ≥ 0 (or > 0 with `minExclusive`), at most 2 decimals, ≤ 100,000,000. */
export const zMoney = (field: string, bounds: Omit<DecimalBounds, "decimals"> = {}) =>
  zDecimal(field, { min: 0, max: MONEY_MAX, ...bounds, decimals: 2 })

/** A fraction such as a commission or release rate: 0 … 1 unless narrowed, at most 6 decimals. */
export const zRate = (field: string, bounds: DecimalBounds = {}) => zDecimal(field, { min: 0, max: 1, decimals: 6, ...bounds })

/** Free text without NUL bytes, at most `max` characters (default 2,000). */
export const zText = (field: string, max: number = TEXT_MAX.text) =>
  z
    .string()
    // a refinement, not .max(): Medusa rewrites too_big messages without our wording
    .refine((v) => v.length <= max, `${field} must be at most ${max} characters`)
    .refine(noNul, `${field} must not contain a NUL byte (U+0000)`)

/** A name or title: trimmed, 1 … 200 characters. */
export const zName = (field: string, max: number = TEXT_MAX.name) =>
  zText(field, max).transform((v) => v.trim()).refine((v) => v.length > 0, `${field} must not be empty`)

/** An id or code (Medusa-style prefixed ids are ~30 characters): 1 … 100 characters. */
export const zId = (field: string) => zText(field, TEXT_MAX.id).refine((v) => v.trim().length > 0, `${field} must not be empty`)

/**
 * An instant as an ISO 8601 string ("2026-12-01", "2026-12-01T08:00:00+08:00") or a
 * Date, between the years 2000 and 9999; out comes a Date. Numbers are refused: an
 * epoch number is ambiguous (seconds or milliseconds) and `-1` would mean 1969.
 */
export const zDateTime = (field: string) =>
  z
    .union([z.string().max(40), z.date()])
    .transform((v, ctx) => {
      const date = v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(v) : new Date(NaN)
      const year = date.getUTCFullYear()
      if (Number.isNaN(date.getTime()) || year < 2000 || year > 9999) {
        ctx.addIssue({ code: "custom", message: `${field} must be an ISO 8601 date or date-time between the years 2000 and 9999` })
        return z.NEVER
      }
      return date
    })
