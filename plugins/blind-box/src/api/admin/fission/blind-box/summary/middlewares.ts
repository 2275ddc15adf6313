import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminBlindBoxSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/blind-box/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
