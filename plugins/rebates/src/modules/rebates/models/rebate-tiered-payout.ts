import { model } from "@medusajs/framework/utils"

/** A classic tiered rebate paid at a period's close (SPEC §3.4) and what later refunds reversed of it. */
const RebateTieredPayout = model
  .define("rebate_tiered_payout", {
    id: model.id({ prefix: "rbtpy" }).primaryKey(),
    customer_id: model.text(),
    period: model.text(),
    run_id: model.text(),
    currency_code: model.text(),
    spend: model.bigNumber(),
    rate: model.text(),
    amount: model.bigNumber(),
    reversed_amount: model.bigNumber().default(0),
    posting_key: model.text(),
  })
  .indexes([
    { on: ["customer_id", "period"], unique: true, where: "deleted_at IS NULL" },
    { on: ["posting_key"], unique: true, where: "deleted_at IS NULL" },
  ])

export default RebateTieredPayout
