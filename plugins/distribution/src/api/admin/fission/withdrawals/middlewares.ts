import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminApproveWithdrawal,
  AdminGetWithdrawalsParams,
  AdminMarkWithdrawalPaid,
  AdminRejectWithdrawal,
} from "./validators"

// /admin routes are admin-only by Medusa's default authentication.
export const adminWithdrawalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/withdrawals",
    middlewares: [validateAndTransformQuery(AdminGetWithdrawalsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/fission/withdrawals/:id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/withdrawals/:id/approve",
    middlewares: [validateAndTransformBody(AdminApproveWithdrawal)],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/withdrawals/:id/reject",
    middlewares: [validateAndTransformBody(AdminRejectWithdrawal)],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/withdrawals/:id/mark-paid",
    middlewares: [validateAndTransformBody(AdminMarkWithdrawalPaid)],
  },
]
