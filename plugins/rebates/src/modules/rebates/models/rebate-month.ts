import { model } from "@medusajs/framework/utils"

/** A customer's month (SPEC §3.1): consumption, the level reached and the award it is worth now. */
const RebateMonth = model
  .define("rebate_month", {
    id: model.id({ prefix: "rbmon" }).primaryKey(),
    customer_id: model.text(),
    month: model.text(),
    consumption: model.bigNumber().default(0),
    level_id: model.text().nullable(),
    level_position: model.number().nullable(),
    // net dividend points awarded for the month (Σ award rows − reversed)
    awarded_points: model.number().default(0),
    // active members per depth when last evaluated
    team_active: model.json().nullable(),
    evaluated_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id", "month"], unique: true, where: "deleted_at IS NULL" },
    { on: ["month", "level_position"], where: "deleted_at IS NULL" },
  ])

export default RebateMonth
