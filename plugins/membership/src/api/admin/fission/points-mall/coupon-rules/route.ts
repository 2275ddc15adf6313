import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../../modules/points-mall"
import { createCouponRuleWorkflow } from "../../../../../workflows/coupons"
import { AdminCreateCouponRuleType } from "./validators"

/** GET /admin/fission/points-mall/coupon-rules → `{ coupon_rules, count }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [coupon_rules, count] = await req.scope
    .resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    .listAndCountCouponRules({}, { order: { created_at: "DESC" } })
  res.json({ coupon_rules, count, offset: 0, limit: count })
}

/** POST /admin/fission/points-mall/coupon-rules `{ name, template_promotion_id, min_order_total?, is_active? }` → 201 `{ coupon_rule }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCouponRuleType>, res: MedusaResponse) => {
  const { result: coupon_rule } = await createCouponRuleWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ coupon_rule })
}
