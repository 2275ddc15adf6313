import { MathBN } from "@medusajs/framework/utils"

/** The fields of a points-mall item that decide who may redeem it and when (SPEC §6.5). */
export type MallItemRules = {
  is_active: boolean
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  stock?: number | null
  per_customer_limit?: number | null
  allowed_level_ids?: string[] | null
}

export type IneligibleCode = "inactive" | "not_started" | "ended" | "level_not_allowed" | "limit_reached" | "out_of_stock"

export type Eligibility = { eligible: true } | { eligible: false; code: IneligibleCode; message: string }

/**
 * Whether a customer may redeem `quantity` units of an item now. The database
 * decides stock and limit again at redemption (conditional updates); this is
 * what the shopper is told beforehand and the first, friendly refusal.
 */
export function mallItemEligibility(
  item: MallItemRules,
  ctx: { now: Date; level_id: string | null; used: number; quantity?: number }
): Eligibility {
  const quantity = ctx.quantity ?? 1
  if (!item.is_active) return { eligible: false, code: "inactive", message: "This item is not active" }
  if (item.starts_at && new Date(item.starts_at) > ctx.now) {
    return { eligible: false, code: "not_started", message: `This item can be redeemed from ${new Date(item.starts_at).toISOString()}` }
  }
  if (item.ends_at && new Date(item.ends_at) <= ctx.now) {
    return { eligible: false, code: "ended", message: "This item can no longer be redeemed" }
  }
  const levels = item.allowed_level_ids ?? []
  if (levels.length && (!ctx.level_id || !levels.includes(ctx.level_id))) {
    return { eligible: false, code: "level_not_allowed", message: "Your member level cannot redeem this item" }
  }
  if (item.per_customer_limit != null && ctx.used + quantity > item.per_customer_limit) {
    return { eligible: false, code: "limit_reached", message: `Limit of ${item.per_customer_limit} per customer reached` }
  }
  if (item.stock != null && item.stock < quantity) {
    return { eligible: false, code: "out_of_stock", message: "This item is out of stock" }
  }
  return { eligible: true }
}

/** What a customer may still redeem of an item: null = unlimited. */
export function remainingForCustomer(per_customer_limit: number | null | undefined, used: number): number | null {
  return per_customer_limit == null ? null : Math.max(0, per_customer_limit - used)
}

/** Points for `quantity` units of a product item (points per unit × units). */
export const pointsForUnits = (points_cost: number, quantity: number): number => points_cost * quantity

/**
 * What the points pay of one unit of a points + cash product: the unit price
 * minus the cash part (never below 0), as a decimal string in the currency's
 * major unit. With cash price 0 (points only) the points pay the whole price.
 */
export function pointsDiscountPerUnit(unit_price: number | string, cash_price: number | string | null | undefined): string {
  const discount = MathBN.sub(MathBN.convert(unit_price), MathBN.convert(cash_price ?? 0))
  return MathBN.lte(discount, 0) ? "0" : discount.toString()
}

/** The cash a points + cash line still costs: units × cash price. */
export const cashForUnits = (cash_price: number | string | null | undefined, quantity: number): string =>
  MathBN.mult(MathBN.convert(cash_price ?? 0), quantity).toString()

/** Store credit for a points → credit item: `credit_amount` per redemption, i.e. points_cost points buy it (rate = credit / points). */
export function storeCreditRate(points_cost: number, credit_amount: number | string): string {
  return MathBN.div(MathBN.convert(credit_amount), points_cost).toString()
}

/** Whether a paid order reaches an after-payment coupon rule's minimum (null = any order). */
export const orderReachesMinimum = (paid_total: number | string, min_order_total: number | string | null | undefined) =>
  min_order_total == null || MathBN.gte(MathBN.convert(paid_total), MathBN.convert(min_order_total))

/** Points reserved on a cart untouched this long are given back by the hourly job. */
export const CART_POINTS_HOLD_HOURS = 24
