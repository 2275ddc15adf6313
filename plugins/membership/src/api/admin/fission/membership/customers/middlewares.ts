import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const adminMembershipCustomerMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/membership/customers/:customer_id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
]
