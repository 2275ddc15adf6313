import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreBindReferral } from "./validators"

const NoQuery = validateAndTransformQuery(z.strictObject({}), {})

export const storeReferralMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "POST"],
    matcher: "/store/fission/referral*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { method: ["GET"], matcher: "/store/fission/referral", middlewares: [NoQuery] },
  { method: ["GET"], matcher: "/store/fission/referral/poster", middlewares: [NoQuery] },
  { method: ["POST"], matcher: "/store/fission/referral/bind", middlewares: [validateAndTransformBody(StoreBindReferral)] },
]
