import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { referralView } from "../../../utils/referral-people"

/**
 * GET /store/fission/referral → `{ referral: { code, link, promoter_status, promoter_mode, bind_mode,
 * rank, referrer: { name (masked), bound_at } | null, counts: { level1, level2, level3 } } }`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ referral: await referralView(req.scope, req.auth_context.actor_id) })
}
