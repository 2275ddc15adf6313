import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../../modules/member-tasks"
import { createMemberTaskWorkflow } from "../../../../../workflows/tasks"
import { AdminCreateMemberTaskType, AdminGetMemberTasksParamsType } from "./validators"

/** GET /admin/fission/membership/tasks?kind=&is_active= → `{ tasks, count, offset, limit }` by position. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetMemberTasksParamsType>, res: MedusaResponse) => {
  const { limit, offset, kind, is_active } = req.validatedQuery as AdminGetMemberTasksParamsType
  const filters: Record<string, unknown> = {}
  if (kind) filters.kind = kind
  if (is_active !== undefined) filters.is_active = is_active
  const [tasks, count] = await req.scope
    .resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    .listAndCountMemberTasks(filters, { skip: offset, take: limit, order: { position: "ASC", created_at: "ASC" } })
  res.json({ tasks, count, offset, limit })
}

/** POST /admin/fission/membership/tasks → 201 `{ task }`; 400 names what is incoherent. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateMemberTaskType>, res: MedusaResponse) => {
  const { result: task } = await createMemberTaskWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ task })
}
