import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetMembershipStatsParams } from "./validators"

export const adminMembershipStatsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/membership/stats", middlewares: [validateAndTransformQuery(AdminGetMembershipStatsParams, {})] },
]
