import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminRebatesSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/rebates/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
