import { z } from "@medusajs/framework/zod"
import { zOffset } from "@fission/core/utils"

export const StoreGetTeamParams = z.strictObject({
  level: z.coerce.number().int().min(1).max(3).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: zOffset(),
})
export type StoreGetTeamParamsType = z.infer<typeof StoreGetTeamParams>
