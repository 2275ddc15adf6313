import { ActiveMembersQuery, NormalizedActiveMembersQuery } from "./types"

/**
 * Input checks shared by every directory call, so a provider only ever sees
 * input Postgres accepts: callers are plugin code, but their ids can come from
 * request bodies, and a NUL byte or an out-of-range depth must never become a 500.
 */

/** A usable customer id: a non-empty string without NUL bytes (no such customer can exist otherwise). */
export const isCustomerId = (id: unknown): id is string =>
  typeof id === "string" && id.length > 0 && id.length <= 255 && !id.includes("\u0000")

/** An integer depth ≥ 0, capped at `max`. Anything else is a programming error. */
export function depthOf(depth: unknown, max: number, what: string): number {
  if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 0) {
    throw new TypeError(`referralDirectory.${what}: depth must be a non-negative integer, got ${String(depth)}`)
  }
  return Math.min(depth, max)
}

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/

/** A non-negative amount as an exact decimal string for `::numeric`. */
export function amountOf(value: unknown): string {
  // String(899.9) is "899.9" (the shortest exact form); exponent forms (1e-7, 1e21) are refused
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : ""
  if (DECIMAL.test(text)) return text
  throw new TypeError(`referralDirectory.activeMembersPerLevel: min_spend must be a non-negative decimal, got ${String(value)}`)
}

function instantOf(value: unknown, what: string): Date {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw new TypeError(`referralDirectory.activeMembersPerLevel: ${what} must be a Date or an ISO date string`)
  }
  return date
}

export function activeMembersQueryOf(q: ActiveMembersQuery, maxDepth: number): NormalizedActiveMembersQuery {
  if (!q || typeof q !== "object") throw new TypeError("referralDirectory.activeMembersPerLevel: a query { from, to, min_spend, depth } is required")
  const currency = q.currency_code
  if (currency !== undefined && (typeof currency !== "string" || !/^[a-zA-Z]{3}$/.test(currency))) {
    throw new TypeError(`referralDirectory.activeMembersPerLevel: currency_code must be a 3-letter code, got ${String(currency)}`)
  }
  return {
    from: instantOf(q.from, "from"),
    to: instantOf(q.to, "to"),
    min_spend: amountOf(q.min_spend),
    depth: depthOf(q.depth, maxDepth, "activeMembersPerLevel"),
    ...(currency ? { currency_code: currency.toLowerCase() } : {}),
  }
}

/** Distinct usable ids, in first-seen order. */
export const customerIdsOf = (ids: unknown): string[] => {
  if (!Array.isArray(ids)) throw new TypeError("referralDirectory.activeMembersPerLevel: customer_ids must be an array")
  return [...new Set(ids.filter(isCustomerId))]
}
