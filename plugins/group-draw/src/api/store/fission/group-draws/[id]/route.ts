import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { publicDraws } from "../../../../../workflows/group-draw/fair-draw"
import { formatCampaign, formatGroup } from "../../../../utils/format"

/** GET /store/fission/group-draws/:id — rules, limits, price and the listed open groups with seats left (private groups are joined by link). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [campaign] = await service.listGroupDrawCampaigns({ id: req.params.id })
  if (!campaign || campaign.status === "draft") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group draw ${req.params.id} was not found`)
  }
  const groups = await service.listGroupDrawGroups(
    { campaign_id: campaign.id, status: "open", visibility: "open", expires_at: { $gt: new Date() } },
    { take: 50, order: { created_at: "ASC", id: "ASC" } }
  )
  const draws = await publicDraws(req.scope, groups.map((g) => g.draw_id))
  res.json({
    group_draw: {
      ...formatCampaign(campaign),
      open_groups: groups.filter((g) => g.seats_taken < g.size).map((g) => formatGroup(g, draws)),
    },
  })
}
