import { z } from "@medusajs/framework/zod"

export const StoreBindReferral = z.strictObject({
  code: z.string().min(1).max(32),
  /** How the shopper got the code: typed (default) or from a share link (?ref=). */
  source: z.enum(["code", "link"]).optional(),
})
export type StoreBindReferralType = z.infer<typeof StoreBindReferral>
