import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { zId } from "@fission/core/utils"

export const AdminMakeLevelExclusive = z.strictObject({ promotion_id: zId("promotion_id"), level_ids: z.array(zId("level_ids[]")).min(1).max(100) })

export const adminLevelCouponMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/fission/points-mall/level-coupons", middlewares: [validateAndTransformBody(AdminMakeLevelExclusive)] },
]
