import { MedusaError } from "@medusajs/framework/utils"
import { LedgerInputError, parseAmount } from "../../../utils/ledger"

export const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** A positive money amount with at most 2 decimals, as a canonical decimal string. */
export function money(value: unknown, field = "amount"): string {
  try {
    return parseAmount(value, "store_credit", field)
  } catch (e) {
    if (e instanceof LedgerInputError) throw invalid(e.message)
    throw e
  }
}

export function key(value: unknown, field = "idempotency_key"): string {
  if (typeof value !== "string" || value.length < 8 || value.length > 200 || value.includes("\u0000")) {
    throw invalid(`${field} must be a string of 8 to 200 characters`)
  }
  return value
}

export function currency(value: unknown): string {
  if (typeof value !== "string" || !/^[a-zA-Z]{3}$/.test(value)) throw invalid("currency_code must be a 3-letter ISO code")
  return value.toLowerCase()
}
