import { model } from "@medusajs/framework/utils"

/** An activity level (SPEC §3.1): monthly paid consumption, optional team structure, dividend-point award. */
const RebateLevel = model
  .define("rebate_level", {
    id: model.id({ prefix: "rblvl" }).primaryKey(),
    position: model.number(),
    name: model.text(),
    min_consumption: model.bigNumber(),
    // active members required per depth, e.g. [3, 9] or [3, 9, 27]; null = no team condition
    team_structure: model.json().nullable(),
    dividend_points: model.number(),
  })
  .indexes([{ on: ["position"], unique: true, where: "deleted_at IS NULL" }])

export default RebateLevel
