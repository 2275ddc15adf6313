import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminCustomerDistributionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/customers/:customer_id/distribution",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
]
