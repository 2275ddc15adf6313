import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { monthClosePreview } from "../../../../../../utils/month-close-preview"
import { AdminGetMonthClosePreviewType } from "../../validators"

/**
 * GET /admin/fission/rebates/month-close/preview?month=YYYY-MM → `{ preview: { month, gmv, pool_amount, threshold,
 * holders, total_points, paid_total, top_shares, tiered, run } }` — nothing is written.
 */
export const GET = async (req: MedusaRequest<unknown, AdminGetMonthClosePreviewType>, res: MedusaResponse) => {
  const { month } = req.validatedQuery as AdminGetMonthClosePreviewType
  res.json({ preview: await monthClosePreview(req.scope, month) })
}
