import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCreateCouponRule, AdminUpdateCouponRule } from "./validators"

export const adminCouponRuleMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/fission/points-mall/coupon-rules", middlewares: [validateAndTransformBody(AdminCreateCouponRule)] },
  { method: ["POST"], matcher: "/admin/fission/points-mall/coupon-rules/:id", middlewares: [validateAndTransformBody(AdminUpdateCouponRule)] },
]
