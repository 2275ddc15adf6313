import { z } from "@medusajs/framework/zod"

export const AdminGetRedemptionsParams = z.strictObject({
  customer_id: z.string().optional(),
  item_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetRedemptionsParamsType = z.infer<typeof AdminGetRedemptionsParams>
