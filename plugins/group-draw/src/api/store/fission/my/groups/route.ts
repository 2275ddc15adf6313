import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { formatGroup, formatMember } from "../../../../utils/format"
import { StoreGetMyGroupsParamsType } from "./validators"

/** GET /store/fission/my/groups — the logged-in customer's seats, newest first, with their groups. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetMyGroupsParamsType>, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreGetMyGroupsParamsType
  const customer_id = req.auth_context.actor_id
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [members, count] = await service.listAndCountGroupDrawMembers(
    { customer_id },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const groups = members.length ? await service.listGroupDrawGroups({ id: members.map((m) => m.group_id) }) : []
  const byId = new Map(groups.map((g) => [g.id, g]))
  res.json({
    groups: members.map((m) => ({
      ...formatGroup(byId.get(m.group_id)),
      my_seat: { ...formatMember(m, customer_id), order_id: m.order_id },
    })),
    count,
    offset,
    limit,
  })
}
