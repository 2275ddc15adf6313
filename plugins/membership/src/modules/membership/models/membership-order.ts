import { model } from "@medusajs/framework/utils"

/**
 * What a paid order earned (points and growth) and its lifecycle as far as
 * membership cares: paid (points pending until `available_at`) → released; or canceled.
 */
const MembershipOrder = model
  .define("membership_order", {
    id: model.id({ prefix: "mord" }).primaryKey(),
    order_id: model.text().unique(),
    customer_id: model.text(),
    currency_code: model.text(),
    // paid product value (items after discounts, without shipping)
    base_total: model.bigNumber(),
    // [{ line_item_id, quantity, base }] for return reversals
    lines: model.json().nullable(),
    points: model.number(),
    growth: model.number(),
    points_key: model.text().nullable(),
    growth_key: model.text().nullable(),
    status: model.enum(["pending", "released", "canceled"]).default("pending"),
    available_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status", "available_at"] }, { on: ["customer_id"] }])

export default MembershipOrder
