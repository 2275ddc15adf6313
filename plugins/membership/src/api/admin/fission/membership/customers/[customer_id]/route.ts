import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../../modules/membership"
import { membershipSummary } from "../../../../../utils/membership-summary"

/**
 * GET /admin/fission/membership/customers/:customer_id → `{ membership: { …as the store route…,
 * level_changes: [{ from_level_id, to_level_id, growth, reason, created_at }] (newest 20) } }`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer_id = req.params.customer_id
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const level_changes = await service.listLevelChanges({ customer_id }, { order: { created_at: "DESC" }, take: 20 })
  res.json({ membership: { ...(await membershipSummary(req.scope, customer_id, new Date())), level_changes } })
}
