import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { listFairDrawsQueryConfig, retrieveFairDrawQueryConfig } from "./query-config"
import { AdminGetFairDrawParams, AdminGetFairDrawsParams } from "./validators"

export const adminFissionDrawMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/draws",
    middlewares: [validateAndTransformQuery(AdminGetFairDrawsParams, listFairDrawsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/fission/draws/:id",
    middlewares: [validateAndTransformQuery(AdminGetFairDrawParams, retrieveFairDrawQueryConfig)],
  },
]
