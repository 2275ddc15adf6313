import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeCouponMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/fission/coupons", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
