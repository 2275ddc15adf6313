import { z } from "@medusajs/framework/zod"

export const StoreGetMyGroupsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetMyGroupsParamsType = z.infer<typeof StoreGetMyGroupsParams>
