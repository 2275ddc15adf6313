import { model } from "@medusajs/framework/utils"

/**
 * Points applied to a points-mall product line of a cart. The points are a
 * pending ledger debit while `reserved`, posted when the order is placed,
 * voided when removed or stale, reversed when the order is canceled.
 */
const CartPointsHold = model
  .define("cart_points_hold", {
    id: model.id({ prefix: "mcpt" }).primaryKey(),
    cart_id: model.text(),
    line_item_id: model.text(),
    item_id: model.text(),
    customer_id: model.text(),
    variant_id: model.text(),
    quantity: model.number(),
    points: model.number(),
    currency_code: model.text(),
    // what the promotion takes off each unit: unit price − cash price
    discount_per_unit: model.bigNumber(),
    promotion_id: model.text().nullable(),
    promotion_code: model.text().nullable(),
    ledger_key: model.text(),
    status: model.enum(["reserved", "placed", "released", "returned"]).default("reserved"),
    order_id: model.text().nullable(),
  })
  .indexes([
    { on: ["cart_id", "line_item_id"], unique: true, where: "status = 'reserved' AND deleted_at IS NULL" },
    { on: ["order_id"] },
    { on: ["status", "updated_at"] },
  ])

export default CartPointsHold
