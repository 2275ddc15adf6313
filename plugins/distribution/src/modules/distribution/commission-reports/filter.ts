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

/** The filter as an SQL condition on the `commission` table, with its positional bindings. */
export function commissionWhere(f: CommissionFilter) {
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

// What a beneficiary keeps of a record: a voided commission (order canceled before it
// was paid) never counted, a partly reversed one keeps amount − reversed_amount.
export const NET = `CASE WHEN status = 'voided' THEN 0 ELSE amount - reversed_amount END`

export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

export type CommissionSums = { count: number; amount: number; reversed_amount: number; net_amount: number }

export const sumsOf = (r: any): CommissionSums => ({
  count: r.count,
  amount: num(r.amount),
  reversed_amount: num(r.reversed_amount),
  net_amount: num(r.net_amount),
})
