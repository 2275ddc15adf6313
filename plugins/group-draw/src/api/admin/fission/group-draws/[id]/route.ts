import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { updateGroupDrawCampaignWorkflow } from "../../../../../workflows/campaigns"
import { formatCampaign } from "../../../../utils/format"
import { AdminUpdateGroupDrawType } from "../validators"

/** GET /admin/fission/group-draws/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [campaign] = await service.listGroupDrawCampaigns({ id: req.params.id })
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group draw ${req.params.id} was not found`)
  res.json({ group_draw: formatCampaign(campaign) })
}

/** POST /admin/fission/group-draws/:id — update (status, texts, limits; money rules locked once groups exist). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateGroupDrawType>, res: MedusaResponse) => {
  const { result } = await updateGroupDrawCampaignWorkflow(req.scope).run({
    input: { id: req.params.id, data: req.validatedBody as any },
  })
  res.json({ group_draw: formatCampaign(result) })
}
