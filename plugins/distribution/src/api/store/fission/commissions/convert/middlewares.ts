import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreConvertCommission } from "./validators"

export const storeCommissionConvertMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/fission/commissions/convert",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreConvertCommission)],
  },
]
