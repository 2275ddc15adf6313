import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { levelAdminView } from "../../../../../../utils/settings-view"
import { deleteRebateLevelWorkflow, updateRebateLevelWorkflow } from "../../../../../../workflows/settings"
import { AdminUpdateRebateLevelType } from "../../validators"

/** POST /admin/fission/rebates/levels/:id `{ …fields }` → `{ level }`; 404 for an unknown id. */
export const POST = async (req: MedusaRequest<AdminUpdateRebateLevelType>, res: MedusaResponse) => {
  const { result } = await updateRebateLevelWorkflow(req.scope).run({ input: { id: req.params.id, ...(req.validatedBody as any) } })
  res.json({ level: levelAdminView(result) })
}

/** DELETE /admin/fission/rebates/levels/:id → `{ id, object: "rebate_level", deleted: true }`. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await deleteRebateLevelWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "rebate_level", deleted: true })
}
