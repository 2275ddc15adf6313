import { z } from "@medusajs/framework/zod"

export const AdminGetReferralTreeParams = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetReferralTreeParamsType = z.infer<typeof AdminGetReferralTreeParams>

export const AdminRebindReferral = z.strictObject({
  referrer_id: z.string().min(1).nullable(),
  reason: z.string().trim().min(1, "reason is required").max(1000),
})
export type AdminRebindReferralType = z.infer<typeof AdminRebindReferral>
