import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const storePointsMallMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/fission/points-mall", middlewares: [authenticate("customer", ["session", "bearer"])] },
  {
    method: ["POST"],
    matcher: "/store/fission/points-mall/:item_id/redeem",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(z.strictObject({}))],
  },
]
