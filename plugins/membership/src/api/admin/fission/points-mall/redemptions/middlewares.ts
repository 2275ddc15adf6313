import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetRedemptionsParams } from "./validators"

export const adminRedemptionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/points-mall/redemptions", middlewares: [validateAndTransformQuery(AdminGetRedemptionsParams, {})] },
]
