import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const storeMembershipMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/membership",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(z.strictObject({}), {})],
  },
]
