import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCouponRuleWorkflow, updateCouponRuleWorkflow } from "../../../../../../workflows/coupons"
import { AdminUpdateCouponRuleType } from "../validators"

/** POST /admin/fission/points-mall/coupon-rules/:id — partial update → `{ coupon_rule }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCouponRuleType>, res: MedusaResponse) => {
  const { result: coupon_rule } = await updateCouponRuleWorkflow(req.scope).run({ input: { ...(req.validatedBody as any), id: req.params.id } })
  res.json({ coupon_rule })
}

/** DELETE /admin/fission/points-mall/coupon-rules/:id → `{ id, object: "coupon_rule", deleted: true }`. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteCouponRuleWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "coupon_rule", deleted: true })
}
