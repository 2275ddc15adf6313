import { LedgerAsset, ASSET_POLICIES } from "./assets"

export class LedgerInputError extends Error {
  constructor(
    public field: string,
    message: string
  ) {
    super(message)
  }
}

/**
 * Normalises an amount to a canonical positive decimal string with no more
 * decimals than the asset allows. Numbers are accepted only when their decimal
 * form is exact (0.1 + 0.2 is rejected, not rounded).
 */
export function parseAmount(value: unknown, asset: LedgerAsset, field = "amount"): string {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value
  if (typeof text !== "string" || !/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new LedgerInputError(field, `${field} must be a positive decimal number`)
  }
  const [int, frac = ""] = text.trim().split(".")
  const fraction = frac.replace(/0+$/, "")
  const scale = ASSET_POLICIES[asset].scale
  if (fraction.length > scale) {
    throw new LedgerInputError(field, `${field} has more than ${scale} decimal places for ${asset}`)
  }
  const integer = int.replace(/^0+(?=\d)/, "")
  if (/^0*$/.test(integer) && fraction === "") throw new LedgerInputError(field, `${field} must be greater than 0`)
  return fraction ? `${integer}.${fraction}` : integer
}
