import { model } from "@medusajs/framework/utils"

/** Maintained team sizes per level, updated with every binding (O(depth) per bind). */
const TeamCounter = model.define("team_counter", {
  id: model.id({ prefix: "tcnt" }).primaryKey(),
  customer_id: model.text().unique(),
  level1: model.number().default(0),
  level2: model.number().default(0),
  level3: model.number().default(0),
})

export default TeamCounter
