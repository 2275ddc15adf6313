import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../../../../modules/group-draw"
import { drawAndSettleGroup, settleGroup } from "../../../../../../../../workflows/group-draw"
import { adminGroupDetail } from "../route"

/**
 * POST /admin/fission/group-draws/:id/groups/:group_id/retry — runs now what the sweep jobs
 * would run next: draws a full group whose draw did not run, and re-settles a drawn,
 * refunding or failed group, attempting its failed loser refunds (core refund requests)
 * again right away. Every effect is idempotent (one refund request per loser, store credit
 * keyed by cause), so pressing it twice changes nothing the second time. Returns the group
 * and this attempt's result.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const [group] = await service.listGroupDrawGroups({ id: req.params.group_id, campaign_id: req.params.id })
  if (!group) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group ${req.params.group_id} of group draw ${req.params.id} was not found`)
  }
  if (group.status === "open") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This group is still open: there is no draw or refund to retry")
  }
  const result =
    group.status === "full"
      ? await drawAndSettleGroup(req.scope, group.id)
      : await settleGroup(req.scope, group.id, { retry_failed_refunds: true })
  res.json({ group: await adminGroupDetail(req.scope, req.params.id, group.id), result })
}
