import { z } from "@medusajs/framework/zod"

export const StoreGetTeamParams = z.strictObject({
  level: z.coerce.number().int().min(1).max(3).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type StoreGetTeamParamsType = z.infer<typeof StoreGetTeamParams>
