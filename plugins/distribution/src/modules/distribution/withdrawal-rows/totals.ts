import { rows, Trx } from "../sql"

export type WithdrawalTotalsFilter = { status?: string; customer_id?: string }
export type WithdrawalTotalsRow = { status: string; count: number; amount: string; fee: string; net_amount: string }

/** Count and exact sums (decimal strings) per status of the withdrawals matching the admin queue's filters. */
export async function withdrawalTotals(trx: Trx, filter: WithdrawalTotalsFilter): Promise<WithdrawalTotalsRow[]> {
  const where = ["deleted_at IS NULL"]
  const bindings: string[] = []
  if (filter.status) {
    where.push("status = ?")
    bindings.push(filter.status)
  }
  if (filter.customer_id) {
    where.push("customer_id = ?")
    bindings.push(filter.customer_id)
  }
  return rows<WithdrawalTotalsRow>(
    trx,
    `SELECT status, count(*)::int AS count, sum(amount)::text AS amount, sum(fee)::text AS fee,
            sum(net_amount)::text AS net_amount
       FROM withdrawal WHERE ${where.join(" AND ")} GROUP BY status ORDER BY status`,
    bindings
  )
}
