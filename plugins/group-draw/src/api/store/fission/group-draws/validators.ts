import { z } from "@medusajs/framework/zod"
import { zInt, zOffset } from "@fission/core/utils"

export const StoreGetGroupDrawsParams = z.strictObject({
  offset: zOffset(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetGroupDrawsParamsType = z.infer<typeof StoreGetGroupDrawsParams>

/** A shopper-defined group (only where the campaign allows it; limits checked by the workflow). */
export const StoreOpenGroup = z.strictObject({
  group_size: z.number().int("group_size must be an integer").min(2, "group_size must be ≥ 2").max(10000).optional(),
  winners: zInt("winners", { min: 1, max: 10000 }).optional(),
  duration_hours: zInt("duration_hours", { min: 1, max: 24 * 365 }).optional(),
  visibility: z.enum(["open", "private"]).optional(),
})
export type StoreOpenGroupType = z.infer<typeof StoreOpenGroup>
