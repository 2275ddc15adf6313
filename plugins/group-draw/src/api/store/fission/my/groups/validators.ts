import { z } from "@medusajs/framework/zod"
import { zOffset } from "@fission/core/utils"

export const StoreGetMyGroupsParams = z.strictObject({
  offset: zOffset(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetMyGroupsParamsType = z.infer<typeof StoreGetMyGroupsParams>
