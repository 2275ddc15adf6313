import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminPresaleSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/presale/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
