import { model } from "@medusajs/framework/utils"

/**
 * One check-in per customer per local day in the store time zone (SPEC §6.3):
 * the unique index decides between concurrent requests.
 */
const CheckIn = model
  .define("check_in", {
    id: model.id({ prefix: "mchk" }).primaryKey(),
    customer_id: model.text(),
    // YYYY-MM-DD in the store time zone
    local_date: model.text(),
    streak: model.number(),
    points: model.number(),
    is_makeup: model.boolean().default(false),
  })
  .indexes([{ on: ["customer_id", "local_date"], unique: true, where: "deleted_at IS NULL" }])

export default CheckIn
