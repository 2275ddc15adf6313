import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminGroupDrawSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/group-draw/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
