import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../../modules/membership"
import { deleteMemberLevelWorkflow, updateMemberLevelWorkflow } from "../../../../../../workflows/levels"
import { AdminUpdateMemberLevelType } from "../validators"

/** GET /admin/fission/membership/levels/:id → `{ level }` (404 if unknown). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const level = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveMemberLevel(req.params.id)
  res.json({ level })
}

/** POST /admin/fission/membership/levels/:id — partial update → `{ level }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMemberLevelType>, res: MedusaResponse) => {
  const { result: level } = await updateMemberLevelWorkflow(req.scope).run({ input: { ...(req.validatedBody as any), id: req.params.id } })
  res.json({ level })
}

/** DELETE /admin/fission/membership/levels/:id → `{ id, object: "member_level", deleted: true }`. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMemberLevelWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "member_level", deleted: true })
}
