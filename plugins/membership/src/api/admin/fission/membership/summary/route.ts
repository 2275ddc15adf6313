import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../../modules/member-tasks"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../../modules/points-mall"

/**
 * GET /admin/fission/membership/summary → `{ summary: { members, active_tasks, active_mall_items } }`
 * for the Growth overview (the points issued / spent / expired come from core's ledger,
 * `GET /admin/fission/growth`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const membership = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const tasks = req.scope.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
  const mall = req.scope.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
  const [perLevel, [, active_tasks], [, active_mall_items]] = await Promise.all([
    membership.countMembersPerLevel(),
    tasks.listAndCountMemberTasks({ is_active: true }, { take: 1, select: ["id"] }),
    mall.listAndCountMallItems({ is_active: true }, { take: 1, select: ["id"] }),
  ])
  const members = perLevel.reduce((t, p) => t + Number(p.members), 0)
  res.json({ summary: { members, active_tasks, active_mall_items } })
}
