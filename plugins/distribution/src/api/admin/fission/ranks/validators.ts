import { z } from "@medusajs/framework/zod"
import { zId, zInt, zOffset } from "@fission/core/utils"

const decimal = z.union([z.number(), z.string()])
const count = (field: string) => zInt(field, { max: 1_000_000 })

// Shapes only; ranges (rates 0..1, team_counts ≤ 3 levels…) are checked by validateRankInput.
export const RankConditions = z.strictObject({
  personal_spend: decimal.optional(),
  direct_referrals: z
    .strictObject({
      count: count("conditions.direct_referrals.count"),
      rank_id: zId("conditions.direct_referrals.rank_id").nullish(),
      purchased_product_id: zId("conditions.direct_referrals.purchased_product_id").nullish(),
    })
    .optional(),
  team_counts: z.array(count("conditions.team_counts[]")).optional(),
})

const rankFields = {
  position: zInt("position").optional(),
  is_default: z.boolean().optional(),
  is_leader: z.boolean().optional(),
  conditions: RankConditions.nullable().optional(),
  level1_rate: decimal.nullable().optional(),
  level2_rate: decimal.nullable().optional(),
  team_reward_amount: decimal.nullable().optional(),
  leader_share_rate: decimal.nullable().optional(),
}

export const AdminCreateRank = z.strictObject({ name: z.string().trim().min(1).max(100), ...rankFields })
export type AdminCreateRankType = z.infer<typeof AdminCreateRank>

export const AdminUpdateRank = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), ...rankFields })
export type AdminUpdateRankType = z.infer<typeof AdminUpdateRank>

export const AdminGetRanksParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: zOffset(),
})
export type AdminGetRanksParamsType = z.infer<typeof AdminGetRanksParams>
