import { MedusaError } from "@medusajs/framework/utils"
import { rows, Trx } from "../sql"
import { CommissionFilter, CommissionSums, commissionWhere, NET, num } from "./filter"

export type DailyCommissions = {
  timezone: string
  currency_code: string | null
  days: (CommissionSums & { date: string })[]
}

export type DailyCommissionsOptions = { days: number; timezone: string; currency_code?: string }

/**
 * Commission created per calendar day (in `timezone`) over the last `days` days,
 * zero-filled, for one currency (default: the one with most records in the window).
 */
export async function commissionDaily(trx: Trx, f: CommissionFilter, opts: DailyCommissionsOptions): Promise<DailyCommissions> {
  const { created_at: _range, currency_code: _currency, ...rest } = f
  const tz = opts.timezone
  // first local day of the window, and its midnight as an instant
  const firstDay = `((now() AT TIME ZONE ?)::date - (?::int - 1))`
  const since = `(${firstDay}::timestamp AT TIME ZONE ?)`
  const sinceBindings = [tz, opts.days, tz]
  try {
    let currency = opts.currency_code?.toLowerCase() ?? f.currency_code ?? null
    if (!currency) {
      const { sql, bindings } = commissionWhere(rest)
      const [top] = await rows(
        trx,
        `SELECT currency_code FROM commission WHERE ${sql} AND created_at >= ${since}
          GROUP BY currency_code ORDER BY count(*) DESC, currency_code LIMIT 1`,
        [...bindings, ...sinceBindings]
      )
      currency = top?.currency_code ?? null
    }
    const { sql, bindings } = commissionWhere({ ...rest, currency_code: currency ?? "" })
    const days = await rows(
      trx,
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
      days: days.map((r: any) => ({
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
