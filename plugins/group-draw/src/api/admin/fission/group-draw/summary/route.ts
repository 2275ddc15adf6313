import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../../modules/group-draw"

const DAY_MS = 86_400_000

/**
 * GET /admin/fission/group-draw/summary → `{ summary: { active_campaigns, open_groups, last_30_days } }`
 * for the Growth overview: live campaigns, groups still filling, and groups opened /
 * completed / failed over the last 30 days (UTC days).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const now = Date.now()
  const [[, active_campaigns], [, open_groups], days] = await Promise.all([
    service.listAndCountGroupDrawCampaigns({ status: "active" }, { take: 1, select: ["id"] }),
    service.listAndCountGroupDrawGroups({ status: "open" }, { take: 1, select: ["id"] }),
    service.groupStatsByDay({ from: new Date(now - 29 * DAY_MS), to: new Date(now) }),
  ])
  const last_30_days = days.reduce(
    (t, d) => ({ opened: t.opened + d.opened, completed: t.completed + d.completed, failed: t.failed + d.failed }),
    { opened: 0, completed: 0, failed: 0 }
  )
  res.json({ summary: { active_campaigns, open_groups, last_30_days } })
}
