import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminDistributionSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/distribution/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
