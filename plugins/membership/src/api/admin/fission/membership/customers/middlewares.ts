import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminUpdateMembershipCustomer } from "./validators"

export const adminMembershipCustomerMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/membership/customers/:customer_id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/membership/customers/:customer_id",
    middlewares: [validateAndTransformBody(AdminUpdateMembershipCustomer)],
  },
]
