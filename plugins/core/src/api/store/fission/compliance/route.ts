import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toPublicComplianceLimits } from "../../../../utils/compliance/defaults"
import { getComplianceSettings } from "../../../../utils/compliance/get-compliance-settings"

/**
 * GET /store/fission/compliance (publishable key) → `{ compliance }`: the
 * limits shoppers are entitled to know before they pay — the lottery prize
 * cap, the blind-box price cap, minimum age and guardian-consent age, the
 * blind-box daily spend limit, and how many levels above a buyer commission
 * can reach.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const settings = await getComplianceSettings(req.scope)
  res.json({ compliance: toPublicComplianceLimits(settings) })
}
