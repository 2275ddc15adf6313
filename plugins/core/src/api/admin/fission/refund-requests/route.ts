import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService } from "../../../../modules/refund-request"
import { formatRefundRequest } from "./format"
import type { AdminGetRefundRequestsParamsType } from "./validators"

/**
 * GET /admin/fission/refund-requests?status=&order_id=&source_type=&source_id=&cause_key=&offset=&limit=
 * Newest first. `status`, `order_id` and `source_id` take one value, a comma-separated list or a repeated parameter.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetRefundRequestsParamsType>, res: MedusaResponse) => {
  const { offset, limit, ...filters } = req.validatedQuery as AdminGetRefundRequestsParamsType
  const service = req.scope.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [requests, count] = await service.listAndCountRefundRequests(where, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ refund_requests: requests.map(formatRefundRequest), count, offset, limit })
}
