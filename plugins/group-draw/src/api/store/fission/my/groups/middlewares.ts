import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetMyGroupsParams } from "./validators"

export const storeMyGroupMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/my/groups",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreGetMyGroupsParams, {})],
  },
]
