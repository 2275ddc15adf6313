import { z } from "@medusajs/framework/zod"

export const StoreGetGroupDrawsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetGroupDrawsParamsType = z.infer<typeof StoreGetGroupDrawsParams>

/** A shopper-defined group (only where the campaign allows it; limits checked by the workflow). */
export const StoreOpenGroup = z.strictObject({
  group_size: z.number().int("group_size must be an integer").min(2, "group_size must be ≥ 2").max(10000).optional(),
  winners: z.number().int("winners must be an integer").min(1, "winners must be ≥ 1").optional(),
  duration_hours: z.number().int("duration_hours must be an integer").min(1, "duration_hours must be ≥ 1").optional(),
  visibility: z.enum(["open", "private"]).optional(),
})
export type StoreOpenGroupType = z.infer<typeof StoreOpenGroup>
