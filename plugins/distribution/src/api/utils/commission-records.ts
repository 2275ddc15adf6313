import type { CommissionFilter } from "../../modules/distribution/commission-reports"
import { CustomerCard } from "./referral-people"

export const COMMISSION_STATUSES = ["pending", "available", "voided", "reversed"] as const
export const COMMISSION_KINDS = ["sale", "self_purchase", "team_leader", "team_reward"] as const

/** The commission filters shared by the admin list, its totals and the daily chart (summed by the module service). */
export type { CommissionFilter }

const list = <T>(v: T | T[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

/** Normalises validated query params (single value or array) into a CommissionFilter. */
export function commissionFilter(q: Record<string, any>): CommissionFilter {
  return {
    status: list(q.status),
    kind: list(q.kind),
    level: q.level,
    beneficiary_id: q.beneficiary_id,
    buyer_id: q.buyer_id,
    order_id: q.order_id,
    currency_code: q.currency_code?.toLowerCase(),
    created_at: q.created_at,
  }
}

/** The filter as module-service filters (for listAndCountCommissions). */
export function serviceFilters(f: CommissionFilter): Record<string, any> {
  const out: Record<string, any> = {}
  if (f.status?.length) out.status = f.status
  if (f.kind?.length) out.kind = f.kind
  for (const key of ["level", "beneficiary_id", "buyer_id", "order_id", "currency_code"] as const) {
    if (f[key] !== undefined) out[key] = f[key]
  }
  const range = f.created_at ?? {}
  const created: Record<string, Date> = {}
  for (const op of ["gte", "gt", "lte", "lt"] as const) if (range[op]) created[`$${op}`] = range[op]!
  if (Object.keys(created).length) out.created_at = created
  return out
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

/** A commission record as the APIs return it: amounts as numbers in major units. */
export function formatCommission(c: Record<string, any>) {
  const amount = num(c.amount)
  const reversed = num(c.reversed_amount)
  return {
    id: c.id as string,
    order_id: c.order_id as string,
    line_item_id: (c.line_item_id ?? null) as string | null,
    product_id: (c.product_id ?? null) as string | null,
    buyer_id: c.buyer_id as string,
    beneficiary_id: c.beneficiary_id as string,
    kind: c.kind as string,
    level: Number(c.level),
    base_amount: num(c.base_amount),
    rate: c.rate === null || c.rate === undefined ? null : Number(c.rate),
    fixed_per_unit: c.fixed_per_unit === null || c.fixed_per_unit === undefined ? null : Number(c.fixed_per_unit),
    quantity: Number(c.quantity),
    amount,
    reversed_amount: reversed,
    currency_code: c.currency_code as string,
    status: c.status as string,
    available_at: c.available_at ?? null,
    settled_at: c.settled_at ?? null,
    created_at: c.created_at,
  }
}

/** Admin-only: a customer's id, e-mail and name (never shown to shoppers). */
export const adminCard = (c: CustomerCard | undefined, id: string) =>
  c ? { id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name } : { id, email: null, first_name: null, last_name: null }
