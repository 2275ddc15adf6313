import { z } from "@medusajs/framework/zod"

export const StoreApplyPromoter = z.strictObject({
  real_name: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be a phone number").optional(),
  note: z.string().max(1000).optional(),
})
export type StoreApplyPromoterType = z.infer<typeof StoreApplyPromoter>
