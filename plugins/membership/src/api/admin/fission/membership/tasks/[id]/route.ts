import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../../../modules/member-tasks"
import { deleteMemberTaskWorkflow, updateMemberTaskWorkflow } from "../../../../../../workflows/tasks"
import { AdminUpdateMemberTaskType } from "../validators"

/** GET /admin/fission/membership/tasks/:id → `{ task }` (404 if unknown). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const task = await req.scope.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).retrieveMemberTask(req.params.id)
  res.json({ task })
}

/** POST /admin/fission/membership/tasks/:id — partial update (deactivate: `{ is_active: false }`) → `{ task }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMemberTaskType>, res: MedusaResponse) => {
  const { result: task } = await updateMemberTaskWorkflow(req.scope).run({ input: { ...(req.validatedBody as any), id: req.params.id } })
  res.json({ task })
}

/** DELETE /admin/fission/membership/tasks/:id → `{ id, object: "member_task", deleted: true }`; completions are kept. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMemberTaskWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "member_task", deleted: true })
}
