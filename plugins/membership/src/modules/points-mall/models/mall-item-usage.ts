import { model } from "@medusajs/framework/utils"

/**
 * How many times a customer used an item: the per-customer limit is a
 * conditional upsert on this row, so concurrent redemptions cannot exceed it.
 */
const MallItemUsage = model
  .define("mall_item_usage", {
    id: model.id({ prefix: "mitu" }).primaryKey(),
    item_id: model.text(),
    customer_id: model.text(),
    count: model.number().default(0),
  })
  .indexes([{ on: ["item_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default MallItemUsage
