import { model } from "@medusajs/framework/utils"

/**
 * A points-mall catalogue entry (SPEC §6.5). `stock` null = unlimited; it is
 * decremented by a conditional update, so it never goes below zero.
 */
const MallItem = model
  .define("mall_item", {
    id: model.id({ prefix: "mitm" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    kind: model.enum(["coupon", "product", "store_credit"]),
    // points per redemption (product kind: per unit)
    points_cost: model.number(),
    // coupon kind: the Medusa promotion copied for each redemption
    template_promotion_id: model.text().nullable(),
    // product kind: the variant bought with points (+ cash_price per unit, 0 = points only)
    variant_id: model.text().nullable(),
    cash_price: model.bigNumber().nullable(),
    // store_credit kind: the amount credited per redemption
    credit_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    stock: model.number().nullable(),
    per_customer_limit: model.number().nullable(),
    // null or [] = every customer; otherwise the member level ids allowed
    allowed_level_ids: model.json().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    is_active: model.boolean().default(true),
    redeemed_count: model.number().default(0),
  })
  .indexes([{ on: ["kind"] }, { on: ["variant_id"] }])

export default MallItem
