import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreApplyCartPoints, StoreRemoveCartPoints } from "./validators"

export const storeCartPointsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST", "DELETE"],
    matcher: "/store/fission/carts/:id/points",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { method: ["POST"], matcher: "/store/fission/carts/:id/points", middlewares: [validateAndTransformBody(StoreApplyCartPoints)] },
  { method: ["DELETE"], matcher: "/store/fission/carts/:id/points", middlewares: [validateAndTransformBody(StoreRemoveCartPoints)] },
]
