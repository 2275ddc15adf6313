import { Context } from "@medusajs/framework/types"
import { Knex } from "@medusajs/framework/mikro-orm/knex"

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

/** A live (not soft-deleted) referral row. */
export type ReferralRow = {
  id: string
  customer_id: string
  referrer_id: string
  source: "code" | "link" | "order" | "admin"
  code: string | null
  bound_at: Date
  expires_at: Date | null
  last_purchase_at: Date | null
}

export const REFERRAL_COLUMNS = `id, customer_id, referrer_id, source, code, bound_at, expires_at, last_purchase_at`
