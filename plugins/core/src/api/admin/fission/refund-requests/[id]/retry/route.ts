import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryRefundRequestWorkflow } from "../../../../../../workflows/refund-requests"
import { formatRefundRequest } from "../../format"

/**
 * POST /admin/fission/refund-requests/:id/retry — attempts the request now (also after its
 * automatic attempts are used up). → { refund_request } after the attempt, succeeded or
 * failed with `last_error`; 400 when it already succeeded or is being attempted; 404 unknown.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await retryRefundRequestWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ refund_request: formatRefundRequest(result) })
}
