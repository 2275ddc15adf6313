import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetReferralTreeParams, AdminRebindReferral } from "./validators"

export const adminReferralMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/referrals/:customer_id/tree",
    middlewares: [validateAndTransformQuery(AdminGetReferralTreeParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/referrals/:customer_id/rebind",
    middlewares: [validateAndTransformBody(AdminRebindReferral)],
  },
]
