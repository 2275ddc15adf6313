import { model } from "@medusajs/framework/utils"

/** History of a customer's level changes (SPEC §6.2 "level changes are recorded"). */
const LevelChange = model
  .define("level_change", {
    id: model.id({ prefix: "mlch" }).primaryKey(),
    customer_id: model.text(),
    from_level_id: model.text().nullable(),
    to_level_id: model.text().nullable(),
    growth: model.number(),
    reason: model.text(),
  })
  .indexes([{ on: ["customer_id"] }])

export default LevelChange
