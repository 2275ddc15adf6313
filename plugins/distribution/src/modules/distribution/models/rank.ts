import { model } from "@medusajs/framework/utils"

/**
 * A promoter rank (member → boss). `conditions` = { personal_spend?, direct_referrals?:
 * { rank_id?, count, purchased_product_id? }, team_counts?: number[] }; all must hold.
 */
const DistributionRank = model.define("distribution_rank", {
  id: model.id({ prefix: "rank" }).primaryKey(),
  name: model.text(),
  position: model.number().default(0),
  is_default: model.boolean().default(false),
  is_leader: model.boolean().default(false),
  conditions: model.json().nullable(),
  level1_rate: model.bigNumber().nullable(),
  level2_rate: model.bigNumber().nullable(),
  team_reward_amount: model.bigNumber().nullable(),
  leader_share_rate: model.bigNumber().nullable(),
})

export default DistributionRank
