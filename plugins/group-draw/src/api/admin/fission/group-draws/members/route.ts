import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { formatAdminMember, formatGroup } from "../../../../utils/format"
import { AdminGetGroupDrawMembersParamsType } from "../validators"

/**
 * GET /admin/fission/group-draws/members?order_id=|customer_id= — seats with their group
 * and campaign title, newest first (order and customer page widgets).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetGroupDrawMembersParamsType>, res: MedusaResponse) => {
  const { order_id, customer_id, offset, limit } = req.validatedQuery as AdminGetGroupDrawMembersParamsType
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [members, count] = await service.listAndCountGroupDrawMembers(
    { ...(order_id ? { order_id } : {}), ...(customer_id ? { customer_id } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const groupIds = [...new Set(members.map((m) => m.group_id))]
  const groups = groupIds.length ? await service.listGroupDrawGroups({ id: groupIds }) : []
  const campaignIds = [...new Set(groups.map((g) => g.campaign_id))]
  const campaigns = campaignIds.length ? await service.listGroupDrawCampaigns({ id: campaignIds }, { select: ["id", "title"] }) : []
  res.json({
    members: members.map((m) => {
      const group = groups.find((g) => g.id === m.group_id)
      return {
        ...formatAdminMember(m),
        group: group ? formatGroup(group) : null,
        campaign: campaigns.find((c) => c.id === group?.campaign_id) ?? null,
      }
    }),
    count,
    offset,
    limit,
  })
}
