import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CustomerCard } from "./referral-people"

type Scope = Pick<MedusaContainer, "resolve">

export const COMMISSION_STATUSES = ["pending", "available", "voided", "reversed"] as const
export const COMMISSION_KINDS = ["sale", "self_purchase", "team_leader", "team_reward"] as const

/** The commission filters shared by the admin list, its totals and the daily chart. */
export type CommissionFilter = {
  status?: string[]
  kind?: string[]
  level?: number
  beneficiary_id?: string
  buyer_id?: string
  order_id?: string
  currency_code?: string
  created_at?: { gte?: Date; gt?: Date; lte?: Date; lt?: Date }
}

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

/** The same filter as an SQL condition on the `commission` table. */
function sqlWhere(f: CommissionFilter) {
  const where = ["deleted_at IS NULL"]
  const bindings: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    bindings.push(...values)
  }
  if (f.status?.length) add(`status = ANY(?)`, f.status)
  if (f.kind?.length) add(`kind = ANY(?)`, f.kind)
  if (f.level !== undefined) add(`level = ?`, f.level)
  if (f.beneficiary_id) add(`beneficiary_id = ?`, f.beneficiary_id)
  if (f.buyer_id) add(`buyer_id = ?`, f.buyer_id)
  if (f.order_id) add(`order_id = ?`, f.order_id)
  if (f.currency_code) add(`currency_code = ?`, f.currency_code)
  const ops = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const
  for (const op of Object.keys(ops) as (keyof typeof ops)[]) {
    const at = f.created_at?.[op]
    if (at) add(`created_at ${ops[op]} ?`, at)
  }
  return { sql: where.join(" AND "), bindings }
}

const knexOf = (scope: Scope) => scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

// What a beneficiary keeps of a record: a voided commission (order canceled before it
// was paid) never counted, a partly reversed one keeps amount − reversed_amount.
const NET = `CASE WHEN status = 'voided' THEN 0 ELSE amount - reversed_amount END`

export type CommissionSums = { count: number; amount: number; reversed_amount: number; net_amount: number }
export type CommissionTotals = {
  count: number
  by_currency: (CommissionSums & { currency_code: string; by_status: Record<string, CommissionSums> })[]
}

/**
 * Count and exact sums (Postgres numeric, converted to numbers only at the end) of
 * everything the filter matches: per currency, and per status within each currency.
 */
export async function commissionTotals(scope: Scope, f: CommissionFilter): Promise<CommissionTotals> {
  const { sql, bindings } = sqlWhere(f)
  const { rows } = await knexOf(scope).raw(
    `SELECT currency_code, status, GROUPING(status) AS all_statuses, count(*)::int AS count,
            sum(amount)::text AS amount, sum(reversed_amount)::text AS reversed_amount, sum(${NET})::text AS net_amount
       FROM commission WHERE ${sql}
      GROUP BY GROUPING SETS ((currency_code, status), (currency_code))
      ORDER BY currency_code, status NULLS FIRST`,
    bindings
  )
  const sums = (r: any): CommissionSums => ({
    count: r.count,
    amount: num(r.amount),
    reversed_amount: num(r.reversed_amount),
    net_amount: num(r.net_amount),
  })
  const by_currency = rows
    .filter((r: any) => Number(r.all_statuses) === 1)
    .map((c: any) => ({
      currency_code: c.currency_code as string,
      ...sums(c),
      by_status: Object.fromEntries(
        rows
          .filter((r: any) => Number(r.all_statuses) === 0 && r.currency_code === c.currency_code)
          .map((r: any) => [r.status, sums(r)])
      ),
    }))
  return { count: by_currency.reduce((t: number, c: CommissionSums) => t + c.count, 0), by_currency }
}

export type DailyCommissions = {
  timezone: string
  currency_code: string | null
  days: (CommissionSums & { date: string })[]
}

/**
 * Commission created per calendar day (in `timezone`) over the last `days` days,
 * zero-filled, for one currency (default: the one with most records in the window).
 */
export async function commissionDaily(
  scope: Scope,
  f: CommissionFilter,
  opts: { days: number; timezone: string; currency_code?: string }
): Promise<DailyCommissions> {
  const knex = knexOf(scope)
  const { created_at: _range, currency_code: _currency, ...rest } = f
  const tz = opts.timezone
  // first local day of the window, and its midnight as an instant
  const firstDay = `((now() AT TIME ZONE ?)::date - (?::int - 1))`
  const since = `(${firstDay}::timestamp AT TIME ZONE ?)`
  const sinceBindings = [tz, opts.days, tz]
  try {
    let currency = opts.currency_code?.toLowerCase() ?? f.currency_code ?? null
    if (!currency) {
      const { sql, bindings } = sqlWhere(rest)
      const { rows } = await knex.raw(
        `SELECT currency_code FROM commission WHERE ${sql} AND created_at >= ${since}
          GROUP BY currency_code ORDER BY count(*) DESC, currency_code LIMIT 1`,
        [...bindings, ...sinceBindings]
      )
      currency = rows[0]?.currency_code ?? null
    }
    const { sql, bindings } = sqlWhere({ ...rest, currency_code: currency ?? "" })
    const { rows } = await knex.raw(
      `WITH days AS (
         SELECT generate_series(${firstDay}::timestamp, (now() AT TIME ZONE ?)::date::timestamp, interval '1 day')::date AS day
       ), sums AS (
         SELECT (created_at AT TIME ZONE ?)::date AS day, count(*)::int AS count, sum(amount)::text AS amount,
                sum(reversed_amount)::text AS reversed_amount, sum(${NET})::text AS net_amount
           FROM commission WHERE ${sql} AND created_at >= ${since}
          GROUP BY 1
       )
       SELECT to_char(days.day, 'YYYY-MM-DD') AS date, COALESCE(sums.count, 0) AS count,
              COALESCE(sums.amount, '0') AS amount, COALESCE(sums.reversed_amount, '0') AS reversed_amount,
              COALESCE(sums.net_amount, '0') AS net_amount
         FROM days LEFT JOIN sums USING (day) ORDER BY days.day`,
      [tz, opts.days, tz, tz, ...bindings, ...sinceBindings]
    )
    return {
      timezone: tz,
      currency_code: currency,
      days: rows.map((r: any) => ({
        date: r.date,
        count: r.count,
        amount: num(r.amount),
        reversed_amount: num(r.reversed_amount),
        net_amount: num(r.net_amount),
      })),
    }
  } catch (e: any) {
    // 22023 = invalid_parameter_value: a zone Intl knows but this Postgres does not
    if (e?.code === "22023") throw new MedusaError(MedusaError.Types.INVALID_DATA, `timezone: unknown time zone ${JSON.stringify(tz)}`)
    throw e
  }
}

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
