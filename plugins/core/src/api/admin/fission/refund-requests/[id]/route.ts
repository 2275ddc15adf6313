import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService } from "../../../../../modules/refund-request"
import { formatRefundRequest } from "../format"

/** GET /admin/fission/refund-requests/:id → { refund_request } (404 when unknown). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
  res.json({ refund_request: formatRefundRequest(await service.retrieveRow(req.params.id)) })
}
