import { z } from "@medusajs/framework/zod"

export const StoreGetGroupDrawsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetGroupDrawsParamsType = z.infer<typeof StoreGetGroupDrawsParams>

export const StoreOpenGroup = z.strictObject({})
export type StoreOpenGroupType = z.infer<typeof StoreOpenGroup>
