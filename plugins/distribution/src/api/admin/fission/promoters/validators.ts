import { z } from "@medusajs/framework/zod"
import { zId, zOffset } from "@fission/core/utils"

export const PROMOTER_STATUSES = ["applied", "active", "rejected", "disabled"] as const

export const AdminGetPromotersParams = z.strictObject({
  status: z.union([z.enum(PROMOTER_STATUSES), z.array(z.enum(PROMOTER_STATUSES))]).optional(),
  rank_id: zId("rank_id").optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: zOffset(),
})
export type AdminGetPromotersParamsType = z.infer<typeof AdminGetPromotersParams>

export const AdminReviewPromoter = z.strictObject({ reason: z.string().trim().max(1000).optional() })
export type AdminReviewPromoterType = z.infer<typeof AdminReviewPromoter>

export const AdminRejectPromoter = z.strictObject({ reason: z.string().trim().min(1, "reason is required").max(1000) })
export type AdminRejectPromoterType = z.infer<typeof AdminRejectPromoter>

export const AdminSetPromoterRank = z.strictObject({ rank_id: zId("rank_id").nullable() })
export type AdminSetPromoterRankType = z.infer<typeof AdminSetPromoterRank>
