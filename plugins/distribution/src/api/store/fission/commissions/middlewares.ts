import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetCommissionsParams } from "./validators"

// POST /store/fission/commissions/convert has its own folder and middlewares.
export const storeCommissionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/commissions",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreGetCommissionsParams, {})],
  },
]
