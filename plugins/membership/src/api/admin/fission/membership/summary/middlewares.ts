import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminMembershipSummaryMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/membership/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
