import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetRebateHistory, StoreGetRebateStatus } from "./validators"

export const storeRebatesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/rebates/status",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreGetRebateStatus, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/rebates/history",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreGetRebateHistory, {})],
  },
]
