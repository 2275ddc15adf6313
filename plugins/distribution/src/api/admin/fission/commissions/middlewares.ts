import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCommissionsParams, AdminGetDailyCommissionsParams } from "./validators"

export const adminCommissionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/commissions", middlewares: [validateAndTransformQuery(AdminGetCommissionsParams, {})] },
  {
    method: ["GET"],
    matcher: "/admin/fission/commissions/daily",
    middlewares: [validateAndTransformQuery(AdminGetDailyCommissionsParams, {})],
  },
]
