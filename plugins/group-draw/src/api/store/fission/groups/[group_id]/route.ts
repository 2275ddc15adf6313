import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { publicDraws } from "../../../../../workflows/group-draw/fair-draw"
import { formatGroup, formatMember } from "../../../../utils/format"

/**
 * GET /store/fission/groups/:group_id — status, members (masked) in seat order, the draw
 * commitment and, once drawn, the revealed draw (verify with `npx fission-verify`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [group] = await service.listGroupDrawGroups({ id: req.params.group_id })
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${req.params.group_id} was not found`)
  const members = await service.listGroupDrawMembers({ group_id: group.id }, { order: { seat: "ASC" } })
  const draws = await publicDraws(req.scope, [group.draw_id, group.envelope_draw_id])
  const viewer = req.auth_context?.actor_id ?? null
  res.json({ group: { ...formatGroup(group, draws), members: members.map((m) => formatMember(m, viewer)) } })
}
