import { MathBN } from "@medusajs/framework/utils"
import { TOP_UP_METADATA_KEY } from "./references"

type Line = {
  id: string
  variant_id?: string | null
  product_id?: string | null
  quantity?: unknown
  unit_price?: unknown
  raw_unit_price?: { value?: string } | null
  metadata?: Record<string, unknown> | null
  adjustments?: { amount?: unknown }[] | null
}
type Cart = { customer_id?: string | null; customer?: { id?: string; has_account?: boolean } | null; items?: Line[] | null }

export const isTopUpLine = (line: Line) =>
  !!line.metadata && Object.prototype.hasOwnProperty.call(line.metadata, TOP_UP_METADATA_KEY)

const decimal = (v: unknown) => (typeof v === "number" || (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim())) ? String(v) : null)

/**
 * Why a cart's wallet top-up lines must not be paid, or null when they are sound. A
 * top-up line is the custom line `POST /store/fission/wallet/top-ups` adds: no product,
 * quantity 1, its price equal to the amount in its metadata, not discounted, in the cart
 * of a registered customer (the credit goes to that account).
 */
export function topUpLineProblem(cart: Cart): string | null {
  for (const line of cart.items ?? []) {
    if (!isTopUpLine(line)) continue
    if (line.variant_id || line.product_id) {
      return `line ${line.id} is a product line carrying wallet top-up metadata; add a top-up with POST /store/fission/wallet/top-ups`
    }
    const amount = decimal(line.metadata![TOP_UP_METADATA_KEY])
    const price = decimal(line.raw_unit_price?.value ?? line.unit_price)
    if (!amount || MathBN.lte(amount, 0)) return `wallet top-up line ${line.id} has no valid amount`
    if (Number(line.quantity) !== 1) return `wallet top-up line ${line.id} must have quantity 1`
    if (!price || !MathBN.eq(price, amount)) {
      return `wallet top-up line ${line.id} costs ${price ?? "?"} but credits ${amount}: the amount does not match`
    }
    if ((line.adjustments ?? []).some((a) => decimal(a?.amount) && MathBN.gt(decimal(a.amount)!, 0))) {
      return `wallet top-up line ${line.id} can't be discounted`
    }
    if (!cart.customer_id || cart.customer?.has_account !== true) {
      return "a wallet top-up needs a logged-in customer: this is a guest cart"
    }
  }
  return null
}
