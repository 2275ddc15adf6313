import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService, TaskCompletionRow } from "../../../modules/member-tasks"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { localDate, pointsExpiry } from "../../../utils/dates"
import { completionKey, isTaskOpen } from "../../../utils/tasks"

export type TaskCauseInput = {
  task_id: string
  /** who completes the task (for invite tasks: the referrer) */
  customer_id: string
  /** what happened: `order`, `referral`, `share`, `product`, `customer` */
  cause_type: string
  cause_id: string
  /** what makes the cause unique under the `unlimited` rule (default cause_id; invite_purchase: the invitee) */
  dedupe_id?: string
  /** when the cause happened: the active window and the local day are taken at this instant */
  at: Date | string
  /** record as completed even for a claim-mode task (the claim itself is the cause) */
  completed?: boolean
}

export type RecordedTaskCompletion = {
  outcome: string
  completion: TaskCompletionRow | null
  /** set only when this run completed the task, so its reward is due now */
  rewarded: TaskCompletionRow | null
  expires_at: Date | null
}

/** Store time zone and the expiry of points earned at `at` (membership settings). */
export async function taskClock(container: MedusaContainer, at: Date) {
  const settings = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  return {
    local_date: localDate(at, settings.time_zone),
    expires_at: pointsExpiry(at, {
      points_expiry_mode: settings.points_expiry_mode,
      points_expiry_months: Number(settings.points_expiry_months),
      time_zone: settings.time_zone,
    }),
  }
}

/**
 * Counts a cause toward a task (SPEC §6.4) once: an unknown, inactive or
 * out-of-window task records nothing; otherwise the module decides under its
 * lock (duplicate cause, repeat rule, cap). Auto tasks are completed at once;
 * claim tasks wait as `claimable`.
 */
export const recordTaskCompletionStep = createStep(
  "fission-membership-record-task-completion",
  async (input: TaskCauseInput, { container }) => {
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    const at = new Date(input.at)
    const [task] = await service.listMemberTasks({ id: input.task_id })
    if (!task || !isTaskOpen(task as any, at)) {
      return new StepResponse<RecordedTaskCompletion, string | null>(
        { outcome: task ? "closed" : "not_found", completion: null, rewarded: null, expires_at: null },
        null
      )
    }
    const { local_date, expires_at } = await taskClock(container, at)
    const status = input.completed || task.completion_mode === "auto" ? "completed" : "claimable"
    const result = await service.recordCompletion({
      task_id: task.id,
      customer_id: input.customer_id,
      repeat_rule: task.repeat_rule as any,
      cap: task.cap ?? null,
      completion_key: completionKey(task as any, input.customer_id, { local_date, cause_id: input.dedupe_id ?? input.cause_id }),
      status,
      local_date,
      cause_type: input.cause_type,
      cause_id: input.cause_id,
      points: Number(task.reward_points ?? 0),
      growth: Number(task.reward_growth ?? 0),
      reward_promotion_id: task.reward_promotion_id ?? null,
    })
    const recorded = result.outcome === "recorded" ? result.completion : null
    return new StepResponse<RecordedTaskCompletion, string | null>(
      {
        outcome: result.outcome,
        completion: result.completion,
        rewarded: recorded?.status === "completed" ? recorded : null,
        expires_at,
      },
      recorded?.id ?? null
    )
  },
  async (id, { container }) => {
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).removeCompletion(id)
  }
)
