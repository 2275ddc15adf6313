import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestNow } from "../../../../../utils/clock"
import { rebateStatus } from "../../../../utils/rebate-status"
import { StoreGetRebateStatusType } from "../validators"

/**
 * GET /store/fission/rebates/status?month= → `{ status: { month, consumption, level, next_level: { …, missing:
 * { consumption, team: [{ depth, required, active, missing }] } }, team_active, dividend_points, awarded_points,
 * frozen_awards } }` of the logged-in customer (this local month unless `month` is given).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetRebateStatusType>, res: MedusaResponse) => {
  const { month } = req.validatedQuery as StoreGetRebateStatusType
  res.json({ status: await rebateStatus(req.scope, req.auth_context.actor_id, requestNow(req), month) })
}
