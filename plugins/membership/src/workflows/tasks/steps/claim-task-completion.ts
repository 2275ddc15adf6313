import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService, TaskCompletionRow } from "../../../modules/member-tasks"
import { customerProfile } from "../../../utils/task-lookups"
import { completionKey, DEFAULT_PROFILE_FIELDS, isTaskOpen, missingProfileFields } from "../../../utils/tasks"
import { taskClock } from "./record-task-completion"

/**
 * `POST /store/fission/tasks/:id/claim`: pays the customer's oldest claimable
 * completion of a claim-mode task (a conditional update: of concurrent claims
 * exactly one wins, the others get 400 `nothing_to_claim`). A complete_profile task is checked on
 * the claim itself: a complete profile becomes claimable (once) and is claimed.
 */
export const claimTaskCompletionStep = createStep(
  "fission-membership-claim-task-completion",
  async (input: { task_id: string; customer_id: string; at: Date | string }, { container }) => {
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    const at = new Date(input.at)
    const [task] = await service.listMemberTasks({ id: input.task_id })
    if (!task) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Task ${input.task_id} not found`)
    if (!isTaskOpen(task as any, at)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Task ${task.id} is not open`)
    if (task.completion_mode !== "claim") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Task ${task.id} completes by itself; there is nothing to claim`)
    }
    const { expires_at, local_date } = await taskClock(container, at)
    if (task.kind === "complete_profile") {
      const profile = await customerProfile(container, input.customer_id)
      const fields = ((task.params as any)?.fields as string[] | undefined) ?? DEFAULT_PROFILE_FIELDS
      const missing = profile ? missingProfileFields(profile, fields) : fields
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Profile incomplete: missing ${missing.join(", ")}`)
      }
      // the profile is complete: make it claimable (once), then claim like any other task
      await service.recordCompletion({
        task_id: task.id,
        customer_id: input.customer_id,
        repeat_rule: task.repeat_rule as any,
        cap: task.cap ?? null,
        completion_key: completionKey(task as any, input.customer_id, { local_date, cause_id: input.customer_id }),
        status: "claimable",
        local_date,
        cause_type: "customer",
        cause_id: input.customer_id,
        points: Number(task.reward_points ?? 0),
        growth: Number(task.reward_growth ?? 0),
        reward_promotion_id: task.reward_promotion_id ?? null,
      })
    }
    const completion: TaskCompletionRow | null = await service.claimCompletion(task.id, input.customer_id)
    if (!completion) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Task ${task.id}: nothing to claim`, "nothing_to_claim")
    return new StepResponse({ completion, expires_at }, completion.id)
  },
  async (id, { container }) => {
    // the cause stays claimable: the reward could not be paid, so the shopper may claim again
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).unclaimCompletion(id)
  }
)
