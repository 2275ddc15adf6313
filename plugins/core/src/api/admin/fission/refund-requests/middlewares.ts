import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetRefundRequestParams, AdminGetRefundRequestsParams, AdminRetryRefundRequest } from "./validators"

export const adminRefundRequestMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fission/refund-requests",
    middlewares: [validateAndTransformQuery(AdminGetRefundRequestsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/fission/refund-requests/:id",
    middlewares: [validateAndTransformQuery(AdminGetRefundRequestParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/refund-requests/:id/retry",
    middlewares: [validateAndTransformBody(AdminRetryRefundRequest)],
  },
]
