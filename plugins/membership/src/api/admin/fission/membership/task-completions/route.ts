import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../../modules/member-tasks"
import { AdminGetTaskCompletionsParamsType } from "../tasks/validators"

/**
 * GET /admin/fission/membership/task-completions?task_id=&customer_id=&status= →
 * `{ completions, count, offset, limit }`, newest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTaskCompletionsParamsType>, res: MedusaResponse) => {
  const { limit, offset, ...rest } = req.validatedQuery as AdminGetTaskCompletionsParamsType
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  const [completions, count] = await req.scope
    .resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    .listAndCountTaskCompletions(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ completions, count, offset, limit })
}
