import { z } from "@medusajs/framework/zod"
import { COMMISSION_STATUSES } from "../../../utils/commission-records"

export const StoreGetCommissionsParams = z.strictObject({
  status: z.union([z.enum(COMMISSION_STATUSES), z.array(z.enum(COMMISSION_STATUSES))]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type StoreGetCommissionsParamsType = z.infer<typeof StoreGetCommissionsParams>
