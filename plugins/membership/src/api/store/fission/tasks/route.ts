import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../modules/member-tasks"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../modules/membership"
import { requestNow } from "../../../../utils/clock"
import { localDate } from "../../../../utils/dates"
import { customerProfile } from "../../../../utils/task-lookups"
import { DEFAULT_PROFILE_FIELDS, isTaskOpen, missingProfileFields, taskProgress } from "../../../../utils/tasks"

/**
 * GET /store/fission/tasks → `{ tasks: [{ id, title, description, kind, params, reward, repeat_rule, cap,
 * completion_mode, starts_at, ends_at, progress }], count }`: the tasks open now, with the customer's
 * completions today / in total, what remains under the cap and what can be claimed.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const now = requestNow(req)
  const service = req.scope.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
  const settings = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  const today = localDate(now, settings.time_zone)
  const all = await service.listMemberTasks({ is_active: true }, { order: { position: "ASC", created_at: "ASC" } })
  const open = all.filter((t) => isTaskOpen(t as any, now))
  const progress = new Map((await service.progressOf(customer_id, open.map((t) => t.id), today)).map((p) => [p.task_id, p]))
  const profile = open.some((t) => t.kind === "complete_profile") ? await customerProfile(req.scope, customer_id) : null
  const tasks = open.map((task) => {
    const done = progress.get(task.id) ?? { total: 0, today: 0, claimable: 0 }
    const mine = taskProgress({ repeat_rule: task.repeat_rule as any, cap: task.cap }, done)
    const missing =
      task.kind === "complete_profile" && profile
        ? missingProfileFields(profile, ((task.params as any)?.fields as string[]) ?? DEFAULT_PROFILE_FIELDS)
        : undefined
    // a complete profile is checked on the claim itself, so it is claimable before any row exists
    const profileReady = missing !== undefined && !missing.length && mine.available
    return {
      id: task.id,
      title: task.title,
      description: task.description,
      kind: task.kind,
      params: task.params,
      reward: { points: task.reward_points, growth: task.reward_growth, coupon: !!task.reward_promotion_id },
      repeat_rule: task.repeat_rule,
      cap: task.cap,
      completion_mode: task.completion_mode,
      starts_at: task.starts_at,
      ends_at: task.ends_at,
      progress: {
        ...mine,
        can_claim: task.completion_mode === "claim" && (mine.claimable > 0 || profileReady),
        ...(missing !== undefined ? { missing_fields: missing } : {}),
      },
    }
  })
  res.json({ tasks, count: tasks.length, today })
}
