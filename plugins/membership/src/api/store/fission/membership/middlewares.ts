import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreUpdateMembership } from "./validators"

export const storeMembershipMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/membership",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/membership/exclusive-products",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["POST"],
    matcher: "/store/fission/membership",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreUpdateMembership)],
  },
]
