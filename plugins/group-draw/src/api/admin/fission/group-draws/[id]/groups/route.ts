import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../../modules/group-draw"
import { publicDraws } from "../../../../../../workflows/group-draw/fair-draw"
import { formatAdminMember, formatGroup } from "../../../../../utils/format"
import { AdminGetGroupsParamsType } from "../../validators"

/** GET /admin/fission/group-draws/:id/groups?status= — groups with members (unmasked), draws and refund status. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetGroupsParamsType>, res: MedusaResponse) => {
  const { status, offset, limit } = req.validatedQuery as AdminGetGroupsParamsType
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [groups, count] = await service.listAndCountGroupDrawGroups(
    { campaign_id: req.params.id, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const members = groups.length
    ? await service.listGroupDrawMembers({ group_id: groups.map((g) => g.id) }, { order: { seat: "ASC" } })
    : []
  const draws = await publicDraws(req.scope, groups.flatMap((g) => [g.draw_id, g.envelope_draw_id]))
  res.json({
    groups: groups.map((g) => ({
      ...formatGroup(g, draws),
      members: members.filter((m) => m.group_id === g.id).map(formatAdminMember),
    })),
    count,
    offset,
    limit,
  })
}
