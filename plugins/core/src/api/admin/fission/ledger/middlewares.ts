import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminLedgerAdjustment, LedgerHistoryParams } from "./validators"

const NoQuery = validateAndTransformQuery(z.strictObject({}), {})

export const adminLedgerMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/ledger/customers/:customer_id/balances", middlewares: [NoQuery] },
  {
    method: ["GET"],
    matcher: "/admin/fission/ledger/customers/:customer_id/history",
    middlewares: [validateAndTransformQuery(LedgerHistoryParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/ledger/adjustments",
    middlewares: [validateAndTransformBody(AdminLedgerAdjustment)],
  },
  { method: ["GET"], matcher: "/admin/fission/ledger/reconciliation", middlewares: [NoQuery] },
  { method: ["GET"], matcher: "/admin/fission/ledger/platform-balances", middlewares: [NoQuery] },
]
