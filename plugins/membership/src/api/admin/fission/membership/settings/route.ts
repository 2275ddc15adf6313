import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { updateMembershipSettingsWorkflow } from "../../../../../workflows/settings"
import { AdminUpdateMembershipSettingsType } from "./validators"

/** GET /admin/fission/membership/settings → `{ settings }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const settings = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  res.json({ settings })
}

/** POST /admin/fission/membership/settings — partial update → `{ settings }`; 400 names a bad field, nothing saved. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMembershipSettingsType>, res: MedusaResponse) => {
  const { result: settings } = await updateMembershipSettingsWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.json({ settings })
}
