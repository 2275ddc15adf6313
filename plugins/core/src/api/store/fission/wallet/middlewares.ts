import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { LedgerHistoryParams } from "../../../utils/validators"

export const storeWalletMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/wallet*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/wallet",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/wallet/history",
    middlewares: [validateAndTransformQuery(LedgerHistoryParams, {})],
  },
]
