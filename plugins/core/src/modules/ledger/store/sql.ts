import { Knex } from "@medusajs/framework/mikro-orm/knex"

export type Trx = Knex.Transaction | Knex

/** `col = expr` for a bigNumber column, keeping its `raw_` twin in step. */
export const setBigNumber = (col: string, expr: string) =>
  `"${col}" = ${expr}, "raw_${col}" = jsonb_build_object('value', (${expr})::text, 'precision', 20)`

export const rawNumber = (value: string) => JSON.stringify({ value, precision: 20 })

export async function rows<T = any>(
  trx: Trx,
  sql: string,
  bindings: readonly unknown[] | Record<string, unknown> = []
): Promise<T[]> {
  const result: any = await trx.raw(sql, bindings as any)
  return result.rows as T[]
}
