import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreCreateCheckIn, StoreCreateMakeupCheckIn, StoreGetCheckInsParams } from "./validators"

export const storeCheckInMiddlewares: MiddlewareRoute[] = [
  { method: ["GET", "POST"], matcher: "/store/fission/check-ins", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { method: ["GET"], matcher: "/store/fission/check-ins", middlewares: [validateAndTransformQuery(StoreGetCheckInsParams, {})] },
  { method: ["POST"], matcher: "/store/fission/check-ins", middlewares: [validateAndTransformBody(StoreCreateCheckIn)] },
  {
    method: ["POST"],
    matcher: "/store/fission/check-ins/makeup",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreCreateMakeupCheckIn)],
  },
]
