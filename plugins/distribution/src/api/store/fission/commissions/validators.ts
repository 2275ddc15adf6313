import { z } from "@medusajs/framework/zod"
import { zOffset } from "@fission/core/utils"
import { COMMISSION_STATUSES } from "../../../utils/commission-records"

export const StoreGetCommissionsParams = z.strictObject({
  status: z.union([z.enum(COMMISSION_STATUSES), z.array(z.enum(COMMISSION_STATUSES))]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: zOffset(),
})
export type StoreGetCommissionsParamsType = z.infer<typeof StoreGetCommissionsParams>
