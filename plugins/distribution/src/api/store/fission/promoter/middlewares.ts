import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreApplyPromoter } from "./validators"

export const storePromoterMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/fission/promoter*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { method: ["POST"], matcher: "/store/fission/promoter/apply", middlewares: [validateAndTransformBody(StoreApplyPromoter)] },
]
