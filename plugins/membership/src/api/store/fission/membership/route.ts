import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestNow } from "../../../../utils/clock"
import { membershipSummary } from "../../../utils/membership-summary"

/**
 * GET /store/fission/membership → `{ membership: { customer_id, level, next_level, growth,
 * growth_to_next_level, points: { available, pending, expiring_soon, expiring_within_days } } }`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ membership: await membershipSummary(req.scope, req.auth_context.actor_id, requestNow(req)) })
}
