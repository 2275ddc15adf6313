import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getPublicDraws } from "@fission/core/workflows"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"
import { formatCampaign } from "../../../../utils/format"

/**
 * GET /store/fission/blind-boxes/:id — the public state (no login needed): prize and value,
 * prices, the no-win window, opens so far, odds of the next open, the commitment and the
 * draw record (the revealed seed once won).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [campaign] = await service.listBlindBoxCampaigns({ id: req.params.id })
  if (!campaign || campaign.status === "initiating" || campaign.status === "failed") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind box with id: ${req.params.id} was not found`)
  }
  const draws = await getPublicDraws(req.scope, [campaign.draw_id])
  res.json({ blind_box: formatCampaign(campaign, draws.get(campaign.draw_id!), { viewer: req.auth_context?.actor_id ?? null }) })
}
