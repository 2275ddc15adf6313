import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetWalletPaymentsParams } from "./validators"

export const adminWalletPaymentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/wallet-payments",
    middlewares: [validateAndTransformQuery(AdminGetWalletPaymentsParams, {})],
  },
]
