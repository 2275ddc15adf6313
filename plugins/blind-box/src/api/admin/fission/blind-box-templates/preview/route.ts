import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getComplianceSettings } from "@fission/core/utils"
import { economicsPreview, templateProblems } from "../../../../../utils"

/**
 * POST /admin/fission/blind-box-templates/preview — the economics of draft terms, computed by the
 * engine's own functions: initiator income range, expected opens, the platform's margin per campaign.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const t = { no_win_opens: 0, ...(req.validatedBody as any) }
  const problems = templateProblems({ prize_value: t.prize_value ?? 1, ...t }, await getComplianceSettings(req.scope))
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  res.json({ economics: economicsPreview(t) })
}
