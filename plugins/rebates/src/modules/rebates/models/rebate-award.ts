import { model } from "@medusajs/framework/utils"

/**
 * One dividend-point posting of a month's award: the first level's award or an
 * upgrade's top-up (`seq` 0, 1, …). `reversed` is the cumulative total taken back
 * after refunds (the ledger reverses to it, so it only grows).
 */
const RebateAward = model
  .define("rebate_award", {
    id: model.id({ prefix: "rbawd" }).primaryKey(),
    customer_id: model.text(),
    month: model.text(),
    seq: model.number(),
    level_position: model.number(),
    amount: model.number(),
    reversed: model.number().default(0),
    posting_key: model.text(),
  })
  .indexes([
    { on: ["customer_id", "month", "seq"], unique: true, where: "deleted_at IS NULL" },
    { on: ["posting_key"], unique: true, where: "deleted_at IS NULL" },
  ])

export default RebateAward
