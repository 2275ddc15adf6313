import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../../../modules/group-draw"
import { publicDraws } from "../../../../../../../workflows/group-draw/fair-draw"
import { formatAdminMember, formatCampaign, formatGroup } from "../../../../../../utils/format"

/** Reads one group of a campaign with its members; 404 when the group belongs to another campaign. */
export async function adminGroupDetail(scope: any, campaign_id: string, group_id: string) {
  const service = scope.resolve(GROUP_DRAW_MODULE) as GroupDrawModuleService
  const [group] = await service.listGroupDrawGroups({ id: group_id, campaign_id })
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${group_id} of group draw ${campaign_id} was not found`)
  const [campaign] = await service.listGroupDrawCampaigns({ id: campaign_id })
  const members = await service.listGroupDrawMembers({ group_id }, { order: { seat: "ASC" } })
  const draws = await publicDraws(scope, [group.draw_id, group.envelope_draw_id])
  return {
    ...formatGroup(group, draws),
    opened_by: group.opened_by ?? null,
    campaign: formatCampaign(campaign),
    members: members.map(formatAdminMember),
  }
}

/**
 * GET /admin/fission/group-draws/:id/groups/:group_id — the group with unmasked members
 * (order ids), refund status / attempts / errors, envelope shares and its draws.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ group: await adminGroupDetail(req.scope, req.params.id, req.params.group_id) })
}
