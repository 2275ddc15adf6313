import { z } from "@medusajs/framework/zod"
import { zId, zOffset } from "@fission/core/utils"

export const AdminGetReferralTreeParams = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: zOffset(),
})
export type AdminGetReferralTreeParamsType = z.infer<typeof AdminGetReferralTreeParams>

export const AdminRebindReferral = z.strictObject({
  referrer_id: zId("referrer_id").nullable(),
  reason: z.string().trim().min(1, "reason is required").max(1000),
})
export type AdminRebindReferralType = z.infer<typeof AdminRebindReferral>
