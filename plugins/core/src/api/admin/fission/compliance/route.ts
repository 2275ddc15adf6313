import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getComplianceSettings } from "../../../../utils/compliance/get-compliance-settings"
import { updateComplianceSettingsWorkflow } from "../../../../workflows/compliance"
import { AdminUpdateComplianceSettingsType } from "./validators"

/** GET /admin/fission/compliance → `{ compliance }`: every setting with its current value. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const compliance = await getComplianceSettings(req.scope)
  res.json({ compliance })
}

/**
 * POST /admin/fission/compliance — partial update. Out-of-limit values get a
 * 400 whose message starts with the field name, and nothing is saved.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateComplianceSettingsType>,
  res: MedusaResponse
) => {
  const { result: compliance } = await updateComplianceSettingsWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.json({ compliance })
}
