import { z } from "@medusajs/framework/zod"
import { zId, zInt, zName, zOffset, zText } from "@fission/core/utils"
import { PROFILE_FIELDS, REPEAT_RULES, TASK_KINDS } from "../../../../../utils/tasks"

const instant = z.union([z.string().datetime({ offset: true }), z.date()]).nullable().optional()

const params = z
  .strictObject({
    days: zInt("params.days", { min: 1, max: 3650 }).optional(),
    fields: z.array(z.enum(PROFILE_FIELDS)).min(1).optional(),
  })
  .nullable()
  .optional()

const fields = {
  description: zText("description").nullable().optional(),
  params,
  reward_points: zInt("reward_points").optional(),
  reward_growth: zInt("reward_growth").optional(),
  reward_promotion_id: zId("reward_promotion_id").nullable().optional(),
  repeat_rule: z.enum(REPEAT_RULES).optional(),
  cap: zInt("cap", { min: 1 }).nullable().optional(),
  completion_mode: z.enum(["auto", "claim"]).optional(),
  starts_at: instant,
  ends_at: instant,
  is_active: z.boolean().optional(),
  position: zInt("position").optional(),
}

export const AdminCreateMemberTask = z.strictObject({ title: zName("title"), kind: z.enum(TASK_KINDS), ...fields })
export type AdminCreateMemberTaskType = z.infer<typeof AdminCreateMemberTask>

export const AdminUpdateMemberTask = z.strictObject({ title: zName("title").optional(), kind: z.enum(TASK_KINDS).optional(), ...fields })
export type AdminUpdateMemberTaskType = z.infer<typeof AdminUpdateMemberTask>

export const AdminGetMemberTasksParams = z.strictObject({
  kind: z.enum(TASK_KINDS).optional(),
  is_active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: zOffset(),
})
export type AdminGetMemberTasksParamsType = z.infer<typeof AdminGetMemberTasksParams>

export const AdminGetTaskCompletionsParams = z.strictObject({
  task_id: zId("task_id").optional(),
  customer_id: zId("customer_id").optional(),
  status: z.enum(["claimable", "completed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: zOffset(),
})
export type AdminGetTaskCompletionsParamsType = z.infer<typeof AdminGetTaskCompletionsParams>
