import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const AdminMakeLevelExclusive = z.strictObject({ promotion_id: z.string().min(1), level_ids: z.array(z.string().min(1)).min(1) })

export const adminLevelCouponMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/fission/points-mall/level-coupons", middlewares: [validateAndTransformBody(AdminMakeLevelExclusive)] },
]
