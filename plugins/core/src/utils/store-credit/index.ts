import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"

/** The loyalty plugin's store-credit module key (`@medusajs/loyalty-plugin`). */
export const STORE_CREDIT_MODULE = "store_credit"

/** The loyalty store-credit service, or a NOT_ALLOWED error naming the missing plugin. */
export function storeCreditOf(container: MedusaContainer): any {
  const service = container.resolve<any>(STORE_CREDIT_MODULE, { allowUnregistered: true })
  if (!service) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "@medusajs/loyalty-plugin must be installed to use store credit")
  }
  return service
}

/** The customer's store-credit account in the currency, or null (no lookup side effects). */
export async function findStoreCreditAccount(service: any, customer_id: string, currency_code: string) {
  const [account] = await service.listStoreCreditAccounts({ customer_id, currency_code: currency_code.toLowerCase() })
  return account ?? null
}

/**
 * Get-or-create the customer's store-credit account. The loyalty module's unique index on
 * (customer_id, currency_code) decides a race of two first credits: the loser's insert
 * fails and it reads the winner's account.
 */
export async function ensureStoreCreditAccount(service: any, customer_id: string, currency_code: string) {
  const existing = await findStoreCreditAccount(service, customer_id, currency_code)
  if (existing) return existing
  try {
    const [account] = await service.createStoreCreditAccounts([{ customer_id, currency_code: currency_code.toLowerCase() }])
    return account
  } catch (e) {
    const account = await findStoreCreditAccount(service, customer_id, currency_code)
    if (account) return account
    throw e
  }
}

/** The account's transaction with this reference, if any (filtered by account: uses its index). */
export async function findTransaction(
  service: any,
  { account_id, reference, reference_id }: { account_id: string; reference: string; reference_id: string }
) {
  const [transaction] = await service.listAccountTransactions({ account_id, reference, reference_id })
  return transaction ?? null
}

export type CreditOnceInput = {
  customer_id: string
  currency_code: string
  amount: string
  /** With `reference_id`, identifies the credit: a second call with the same pair credits nothing. */
  reference: string
  reference_id: string
  note?: string | null
}

/** Get-or-create many customers' accounts in one currency: one query, one create for the missing ones. */
async function ensureStoreCreditAccounts(service: any, customer_ids: string[], currency_code: string): Promise<Map<string, string>> {
  const currency = currency_code.toLowerCase()
  const wanted = [...new Set(customer_ids)]
  const ids = new Map<string, string>()
  // listAndCount, not list: the plugin's list override also computes every account's balance
  const [found] = await service.listAndCountStoreCreditAccounts({ customer_id: wanted, currency_code: currency }, { take: wanted.length })
  for (const a of found) ids.set(a.customer_id, a.id)
  const missing = wanted.filter((c) => !ids.has(c))
  if (!missing.length) return ids
  try {
    for (const a of await service.createStoreCreditAccounts(missing.map((customer_id) => ({ customer_id, currency_code: currency })))) {
      ids.set(a.customer_id, a.id)
    }
  } catch {
    // one of them was created concurrently: settle them one by one (each reads the winner)
    for (const c of missing) ids.set(c, (await ensureStoreCreditAccount(service, c, currency)).id)
  }
  return ids
}

/**
 * Credits store credit once per (reference, reference_id), for many credits at once: the
 * check for earlier transactions and the credits run under locks on those pairs, so
 * redelivery, a retry after a crash or a concurrent caller cannot credit twice. One
 * account query, one transaction query and one credit call per currency (a pool payout
 * to every holder goes through here in batches). Results in the order of `items`.
 */
export async function creditStoreCreditsOnce(container: MedusaContainer, items: CreditOnceInput[]) {
  for (const i of items) {
    if (MathBN.lte(i.amount, 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "a store-credit credit must be greater than 0")
  }
  if (!items.length) return []
  const service = storeCreditOf(container)
  const locking = container.resolve(Modules.LOCKING)
  const keys = [...new Set(items.map((i) => `fission:store-credit:${i.reference}:${i.reference_id}`))].sort()
  return await locking.execute(keys, async () => {
    const accountOf = new Map<string, string>()
    for (const currency of new Set(items.map((i) => i.currency_code.toLowerCase()))) {
      const group = items.filter((i) => i.currency_code.toLowerCase() === currency)
      const ids = await ensureStoreCreditAccounts(service, group.map((i) => i.customer_id), currency)
      for (const i of group) accountOf.set(`${i.reference}:${i.reference_id}`, ids.get(i.customer_id)!)
    }
    const keyOf = (t: { reference: string; reference_id: string }) => `${t.reference}:${t.reference_id}`
    // filtered by account as well: uses the transactions' account index
    const earlier = new Map<string, any>(
      (
        await service.listAccountTransactions(
          {
            account_id: [...new Set(accountOf.values())],
            reference: [...new Set(items.map((i) => i.reference))],
            reference_id: items.map((i) => i.reference_id),
          },
          { take: null }
        )
      ).map((t: any) => [keyOf(t), t])
    )
    const todo = items.filter((i) => !earlier.has(keyOf(i)))
    const made = new Map<string, any>(
      (
        todo.length
          ? await service.creditAccounts(
              todo.map((i) => ({
                account_id: accountOf.get(keyOf(i)),
                amount: i.amount,
                reference: i.reference,
                reference_id: i.reference_id,
                note: i.note ?? null,
              }))
            )
          : []
      ).map((t: any) => [keyOf(t), t])
    )
    return items.map((i) => ({
      account_id: accountOf.get(keyOf(i))!,
      transaction: earlier.get(keyOf(i)) ?? made.get(keyOf(i)),
      replayed: earlier.has(keyOf(i)),
    }))
  })
}

/** `creditStoreCreditsOnce` for one credit. */
export async function creditStoreCreditOnce(container: MedusaContainer, input: CreditOnceInput) {
  const [credited] = await creditStoreCreditsOnce(container, [input])
  return credited
}
