import { rows, Trx } from "../sql"
import { CommissionFilter, CommissionSums, commissionWhere, NET, sumsOf } from "./filter"

export type CommissionTotals = {
  count: number
  by_currency: (CommissionSums & { currency_code: string; by_status: Record<string, CommissionSums> })[]
}

/**
 * Count and exact sums (Postgres numeric, converted to numbers only at the end) of
 * everything the filter matches: per currency, and per status within each currency,
 * in one statement (GROUPING SETS).
 */
export async function commissionTotals(trx: Trx, f: CommissionFilter): Promise<CommissionTotals> {
  const { sql, bindings } = commissionWhere(f)
  const found = await rows(
    trx,
    `SELECT currency_code, status, GROUPING(status) AS all_statuses, count(*)::int AS count,
            sum(amount)::text AS amount, sum(reversed_amount)::text AS reversed_amount, sum(${NET})::text AS net_amount
       FROM commission WHERE ${sql}
      GROUP BY GROUPING SETS ((currency_code, status), (currency_code))
      ORDER BY currency_code, status NULLS FIRST`,
    bindings
  )
  const by_currency = found
    .filter((r: any) => Number(r.all_statuses) === 1)
    .map((c: any) => ({
      currency_code: c.currency_code as string,
      ...sumsOf(c),
      by_status: Object.fromEntries(
        found
          .filter((r: any) => Number(r.all_statuses) === 0 && r.currency_code === c.currency_code)
          .map((r: any) => [r.status, sumsOf(r)])
      ),
    }))
  return { count: by_currency.reduce((t: number, c: CommissionSums) => t + c.count, 0), by_currency }
}
