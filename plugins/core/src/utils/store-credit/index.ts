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

/**
 * Credits store credit once per (reference, reference_id): the check for an earlier
 * transaction and the credit run under a lock on that pair, so redelivery, a retry after
 * a crash or a concurrent caller cannot credit twice.
 */
export async function creditStoreCreditOnce(container: MedusaContainer, input: CreditOnceInput) {
  if (MathBN.lte(input.amount, 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "a store-credit credit must be greater than 0")
  const service = storeCreditOf(container)
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(`fission:store-credit:${input.reference}:${input.reference_id}`, async () => {
    const account = await ensureStoreCreditAccount(service, input.customer_id, input.currency_code)
    const earlier = await findTransaction(service, { account_id: account.id, reference: input.reference, reference_id: input.reference_id })
    if (earlier) return { account_id: account.id, transaction: earlier, replayed: true }
    const [transaction] = await service.creditAccounts([
      {
        account_id: account.id,
        amount: input.amount,
        reference: input.reference,
        reference_id: input.reference_id,
        note: input.note ?? null,
      },
    ])
    return { account_id: account.id, transaction, replayed: false }
  })
}
