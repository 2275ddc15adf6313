import { z } from "@medusajs/framework/zod"
import { zId, zOffset } from "@fission/core/utils"

export const AdminGetRedemptionsParams = z.strictObject({
  customer_id: zId("customer_id").optional(),
  item_id: zId("item_id").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: zOffset(),
})
export type AdminGetRedemptionsParamsType = z.infer<typeof AdminGetRedemptionsParams>
