import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"
import { AdminGetGroupDrawStatsParamsType } from "../validators"

/**
 * GET /admin/fission/group-draws/stats?from=&to=&campaign_id= — groups opened, completed
 * and failed per UTC day (SPEC §4.3 chart), zero-filled, with totals.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetGroupDrawStatsParamsType>, res: MedusaResponse) => {
  const { from, to, campaign_id } = req.validatedQuery as AdminGetGroupDrawStatsParamsType
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const days = await service.groupStatsByDay({ from, to, campaign_id })
  const totals = days.reduce(
    (t, d) => ({ opened: t.opened + d.opened, completed: t.completed + d.completed, failed: t.failed + d.failed }),
    { opened: 0, completed: 0, failed: 0 }
  )
  res.json({
    stats: {
      from: days[0]?.day ?? null,
      to: days[days.length - 1]?.day ?? null,
      campaign_id: campaign_id ?? null,
      days,
      totals,
    },
  })
}
