import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreGetTeamParams } from "./validators"

export const storeTeamMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/team*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { method: ["GET"], matcher: "/store/fission/team", middlewares: [validateAndTransformQuery(StoreGetTeamParams, {})] },
  { method: ["GET"], matcher: "/store/fission/team/summary", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
]
