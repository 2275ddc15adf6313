import { model } from "@medusajs/framework/utils"

/**
 * What a customer spent on blind boxes on one UTC day (`day` = YYYY-MM-DD), in minor
 * units, for the optional daily limit (SPEC §0.6). Raised by a conditional upsert in the
 * same transaction that reserves an open or an initiation, lowered when its payment fails.
 */
const BlindBoxDailySpend = model
  .define("blind_box_daily_spend", {
    id: model.id({ prefix: "bbds" }).primaryKey(),
    customer_id: model.text(),
    day: model.text(),
    spent_minor: model.bigNumber().default(0),
  })
  .indexes([{ on: ["customer_id", "day"], unique: true }])

export default BlindBoxDailySpend
