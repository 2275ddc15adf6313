import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../modules/member-tasks"
import { RepeatRule, TaskDefinition, taskDefinitionError, TaskKind } from "../../../utils/tasks"

export type MemberTaskInput = {
  title?: string
  description?: string | null
  kind?: TaskKind
  params?: Record<string, unknown> | null
  reward_points?: number
  reward_growth?: number
  reward_promotion_id?: string | null
  repeat_rule?: RepeatRule
  cap?: number | null
  completion_mode?: "auto" | "claim"
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  is_active?: boolean
  position?: number
}

/** The merged definition must be coherent and its template promotion must exist. */
async function assertValidTask(container: any, task: TaskDefinition) {
  const error = taskDefinitionError(task)
  if (error) throw new MedusaError(MedusaError.Types.INVALID_DATA, error)
  if (!task.reward_promotion_id) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [promotion],
  } = await query.graph({ entity: "promotion", fields: ["id"], filters: { id: task.reward_promotion_id } })
  if (!promotion) throw new MedusaError(MedusaError.Types.INVALID_DATA, `reward_promotion_id ${task.reward_promotion_id} does not exist`)
}

export const createMemberTaskStep = createStep(
  "fission-membership-create-task-step",
  async (input: MemberTaskInput, { container }) => {
    await assertValidTask(container, input as TaskDefinition)
    const task = await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).createMemberTasks(input as any)
    return new StepResponse(task, task.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).deleteMemberTasks(id)
  }
)

/**
 * Partial update. Completions already recorded keep the reward they were
 * created with; the kind cannot change (it would re-interpret past completions).
 */
export const updateMemberTaskStep = createStep(
  "fission-membership-update-task-step",
  async ({ id, ...input }: MemberTaskInput & { id: string }, { container }) => {
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    const before = await service.retrieveMemberTask(id)
    if (input.kind && input.kind !== before.kind) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "kind cannot be changed; create a new task instead")
    }
    await assertValidTask(container, { ...(before as any), ...input })
    const task = await service.updateMemberTasks({ id, ...input } as any)
    return new StepResponse(task, before)
  },
  async (before, { container }) => {
    if (!before) return
    const { created_at, updated_at, deleted_at, ...data } = before as any
    await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).updateMemberTasks(data)
  }
)

/** Soft-deletes a task; its completions stay as the record of what was paid. */
export const deleteMemberTaskStep = createStep(
  "fission-membership-delete-task-step",
  async ({ id }: { id: string }, { container }) => {
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    await service.retrieveMemberTask(id)
    await service.softDeleteMemberTasks(id)
    return new StepResponse({ id, deleted: true }, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).restoreMemberTasks(id)
  }
)
