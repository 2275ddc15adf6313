import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getComplianceSettings } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { LEGAL_MAX_COMMISSION_DEPTH } from "../../../../../utils/referral/settings"
import { updateDistributionSettingsWorkflow } from "../../../../../workflows/settings"
import { AdminUpdateDistributionSettingsType } from "./validators"

async function limits(req: AuthenticatedMedusaRequest) {
  const compliance = await getComplianceSettings(req.scope)
  return { max_commission_depth: Math.min(LEGAL_MAX_COMMISSION_DEPTH, compliance.max_commission_levels) }
}

/** GET /admin/fission/distribution/settings → `{ settings, limits: { max_commission_depth } }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const settings = await req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).retrieveSettings()
  res.json({ settings, limits: await limits(req) })
}

/**
 * POST /admin/fission/distribution/settings — partial update. commission_depth
 * must be 1 or 2 and within the compliance max_commission_levels (400 explains
 * the 2-level legal cap); rates 0..1; counts ≥ 0. Nothing is saved on error.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDistributionSettingsType>, res: MedusaResponse) => {
  const { result: settings } = await updateDistributionSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings, limits: await limits(req) })
}
