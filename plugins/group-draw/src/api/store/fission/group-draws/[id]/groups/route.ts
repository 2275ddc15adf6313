import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { StoreOpenGroupType } from "../../validators"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../../modules/group-draw"
import { publicDraws } from "../../../../../../workflows/group-draw/fair-draw"
import { openGroupDrawGroupWorkflow } from "../../../../../../workflows/group-draw"
import { formatGroup } from "../../../../../utils/format"

/**
 * POST /store/fission/group-draws/:id/groups — opens a group and commits its fair draw;
 * body `{ group_size?, winners?, duration_hours?, visibility? }` defines the group where the
 * campaign allows shopper-defined groups; put the returned `group.id` on the cart line (`metadata.group_id`) to take a seat.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreOpenGroupType>, res: MedusaResponse) => {
  const { result: group } = await openGroupDrawGroupWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, customer_id: req.auth_context.actor_id, choice: req.validatedBody },
  })
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [fresh] = await service.listGroupDrawGroups({ id: group.id })
  const draws = await publicDraws(req.scope, [fresh.draw_id, fresh.envelope_draw_id])
  res.status(201).json({ group: formatGroup(fresh, draws) })
}
