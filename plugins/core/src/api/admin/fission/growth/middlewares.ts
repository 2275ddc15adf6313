import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGrowthParams } from "./validators"

export const adminGrowthMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/growth", middlewares: [validateAndTransformQuery(AdminGrowthParams, {})] },
]
