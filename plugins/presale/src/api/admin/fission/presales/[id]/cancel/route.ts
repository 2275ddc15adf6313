import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { closePresaleCampaign } from "../../../../../../workflows/presale"
import { formatCampaign } from "../../../../../utils/format"
import { AdminEndPresaleType } from "../../validators"
import { campaignOr404 } from "../route"

/** POST /admin/fission/presales/:id/cancel { reason? } — cancel: every participant refunded in full. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEndPresaleType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  await campaignOr404(service, req.params.id)
  const result = await closePresaleCampaign(req.scope as any, req.params.id, "cancel", (req.validatedBody as AdminEndPresaleType).reason ?? "canceled by admin")
  res.json({ presale: formatCampaign(result.campaign), refunds_planned: result.planned, refunds_requested: result.dispatched })
}
