import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreGetGroupDrawsParams, StoreOpenGroup } from "./validators"

export const storeGroupDrawMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/group-draws",
    middlewares: [validateAndTransformQuery(StoreGetGroupDrawsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/group-draws/:id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["POST"],
    matcher: "/store/fission/group-draws/:id/groups",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreOpenGroup)],
  },
]
