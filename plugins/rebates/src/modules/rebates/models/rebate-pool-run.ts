import { model } from "@medusajs/framework/utils"

/** The month close of the dividend pool (SPEC §3.3), one per month; every payout's source is this run. */
const RebatePoolRun = model
  .define("rebate_pool_run", {
    id: model.id({ prefix: "rbrun" }).primaryKey(),
    month: model.text(),
    status: model.enum(["running", "completed", "failed"]).default("running"),
    currency_code: model.text(),
    pool_mode: model.text(),
    gmv: model.bigNumber().default(0),
    pool_amount: model.bigNumber().default(0),
    paid_amount: model.bigNumber().default(0),
    threshold: model.number(),
    holders: model.number().default(0),
    total_points: model.text().default("0"),
    payout_destination: model.text(),
    points_after_close: model.text(),
    postings: model.number().default(0),
    points_reset: model.number().default(0),
    tiered_payouts: model.number().default(0),
    tiered_amount: model.bigNumber().default(0),
    error: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["month"], unique: true, where: "deleted_at IS NULL" }])

export default RebatePoolRun
