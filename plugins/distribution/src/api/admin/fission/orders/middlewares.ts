import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminOrderCommissionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/orders/:order_id/commissions",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
]
