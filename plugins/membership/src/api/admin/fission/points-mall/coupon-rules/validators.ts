import { z } from "@medusajs/framework/zod"

const decimal = z.union([z.number().min(0), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number")])

export const AdminCreateCouponRule = z.strictObject({
  name: z.string().min(1),
  template_promotion_id: z.string().min(1),
  min_order_total: decimal.nullable().optional(),
  is_active: z.boolean().optional(),
})
export type AdminCreateCouponRuleType = z.infer<typeof AdminCreateCouponRule>

export const AdminUpdateCouponRule = AdminCreateCouponRule.partial()
export type AdminUpdateCouponRuleType = z.infer<typeof AdminUpdateCouponRule>
