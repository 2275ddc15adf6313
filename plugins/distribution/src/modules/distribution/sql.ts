import { Context } from "@medusajs/framework/types"
import { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Raw SQL helpers for the module's own tables. Every statement runs on the
 * knex the service method was given (`@InjectManager` / `@InjectTransactionManager`),
 * never on the app's global connection: the module owns its connection and
 * its transactions.
 */
export type Trx = Knex.Transaction | Knex

/** The knex of the current transaction, else of the module's connection. */
export const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

export async function rows<T = any>(
  trx: Trx,
  sql: string,
  bindings: readonly unknown[] | Record<string, unknown> = []
): Promise<T[]> {
  const result: any = await trx.raw(sql, bindings as any)
  return result.rows as T[]
}
