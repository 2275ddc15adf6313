import { model } from "@medusajs/framework/utils"

/**
 * A paid order's contribution to its local month: merchandise paid (items after
 * discounts, no shipping or tax) and what core's reversal rule has reversed of it
 * so far (cumulative, only grows). Consumption of a month = Σ paid − reversed.
 */
const RebateOrder = model
  .define("rebate_order", {
    id: model.id({ prefix: "rbord" }).primaryKey(),
    order_id: model.text(),
    // null for a guest checkout: it counts in the month's GMV, for nobody's level
    customer_id: model.text().nullable(),
    month: model.text(),
    currency_code: model.text(),
    paid_amount: model.bigNumber(),
    reversed_amount: model.bigNumber().default(0),
    paid_at: model.dateTime(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id", "month"], where: "deleted_at IS NULL" },
    { on: ["month"], where: "deleted_at IS NULL" },
  ])

export default RebateOrder
