import { z } from "@medusajs/framework/zod"
import { PROFILE_FIELDS, REPEAT_RULES, TASK_KINDS } from "../../../../../utils/tasks"

const count = z.number().int().min(0)
const instant = z.union([z.string().datetime({ offset: true }), z.date()]).nullable().optional()

const params = z
  .strictObject({
    days: z.number().int().min(1).optional(),
    fields: z.array(z.enum(PROFILE_FIELDS)).min(1).optional(),
  })
  .nullable()
  .optional()

const fields = {
  description: z.string().nullable().optional(),
  params,
  reward_points: count.optional(),
  reward_growth: count.optional(),
  reward_promotion_id: z.string().min(1).nullable().optional(),
  repeat_rule: z.enum(REPEAT_RULES).optional(),
  cap: z.number().int().min(1).nullable().optional(),
  completion_mode: z.enum(["auto", "claim"]).optional(),
  starts_at: instant,
  ends_at: instant,
  is_active: z.boolean().optional(),
  position: count.optional(),
}

export const AdminCreateMemberTask = z.strictObject({ title: z.string().min(1), kind: z.enum(TASK_KINDS), ...fields })
export type AdminCreateMemberTaskType = z.infer<typeof AdminCreateMemberTask>

export const AdminUpdateMemberTask = z.strictObject({ title: z.string().min(1).optional(), kind: z.enum(TASK_KINDS).optional(), ...fields })
export type AdminUpdateMemberTaskType = z.infer<typeof AdminUpdateMemberTask>

export const AdminGetMemberTasksParams = z.strictObject({
  kind: z.enum(TASK_KINDS).optional(),
  is_active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetMemberTasksParamsType = z.infer<typeof AdminGetMemberTasksParams>

export const AdminGetTaskCompletionsParams = z.strictObject({
  task_id: z.string().optional(),
  customer_id: z.string().optional(),
  status: z.enum(["claimable", "completed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetTaskCompletionsParamsType = z.infer<typeof AdminGetTaskCompletionsParams>
