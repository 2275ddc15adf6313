import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreCreateWalletTopUp } from "./validators"

export const storeWalletTopUpMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/fission/wallet/top-ups",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreCreateWalletTopUp)],
  },
]
