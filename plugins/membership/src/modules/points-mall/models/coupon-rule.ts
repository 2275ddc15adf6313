import { model } from "@medusajs/framework/utils"

/**
 * "After an order is paid, grant coupon X" (SPEC §6.7): every active rule whose
 * minimum the paid order reaches grants one coupon per order.
 */
const CouponRule = model.define("coupon_rule", {
  id: model.id({ prefix: "mcrl" }).primaryKey(),
  name: model.text(),
  trigger: model.enum(["order_paid"]).default("order_paid"),
  template_promotion_id: model.text(),
  // minimum paid order total (items after discounts, shipping excluded); null = any
  min_order_total: model.bigNumber().nullable(),
  is_active: model.boolean().default(true),
})

export default CouponRule
