import { z } from "@medusajs/framework/zod"
import { zId, zMoney, zName } from "@fission/core/utils"

export const AdminCreateCouponRule = z.strictObject({
  name: zName("name"),
  template_promotion_id: zId("template_promotion_id"),
  min_order_total: zMoney("min_order_total").nullable().optional(),
  is_active: z.boolean().optional(),
})
export type AdminCreateCouponRuleType = z.infer<typeof AdminCreateCouponRule>

export const AdminUpdateCouponRule = AdminCreateCouponRule.partial()
export type AdminUpdateCouponRuleType = z.infer<typeof AdminUpdateCouponRule>
