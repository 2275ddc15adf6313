import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { closePresaleCampaign } from "../../../../../../workflows/presale"
import { formatCampaign } from "../../../../../utils/format"
import { AdminEndPresaleType } from "../../validators"
import { campaignOr404 } from "../route"

/**
 * POST /admin/fission/presales/:id/close { reason? } — end now: closed at the final tier (refunds
 * down to it), or failed below the minimum (everyone refunded in full).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEndPresaleType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  await campaignOr404(service, req.params.id)
  const result = await closePresaleCampaign(req.scope as any, req.params.id, "close", (req.validatedBody as AdminEndPresaleType).reason ?? "closed by admin")
  res.json({ presale: formatCampaign(result.campaign), refunds_planned: result.planned, refunds_requested: result.dispatched })
}
