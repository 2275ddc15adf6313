import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreCreateWithdrawal, StoreGetWithdrawalsParams } from "./validators"

export const storeWithdrawalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "POST"],
    matcher: "/store/fission/withdrawals*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { method: ["POST"], matcher: "/store/fission/withdrawals", middlewares: [validateAndTransformBody(StoreCreateWithdrawal)] },
  {
    method: ["GET"],
    matcher: "/store/fission/withdrawals",
    middlewares: [validateAndTransformQuery(StoreGetWithdrawalsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/fission/withdrawals/:id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
]
