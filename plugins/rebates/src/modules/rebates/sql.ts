import { Context } from "@medusajs/framework/types"

export type Trx = any

/** The knex of the current transaction, or the manager's when there is none. */
export const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

export async function rows<T = any>(trx: Trx, sql: string, bindings: unknown[] = []): Promise<T[]> {
  const result = await trx.raw(sql, bindings)
  return result.rows as T[]
}
