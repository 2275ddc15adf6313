import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rebateHistory } from "../../../../utils/rebate-status"
import { StoreGetRebateHistoryType } from "../validators"

/**
 * GET /store/fission/rebates/history?limit=&offset= → `{ months: [{ month, consumption, level_position,
 * awarded_points, awards, tiered_rebate, pool_run }], team_awards, count, offset, limit }`, newest month first.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetRebateHistoryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetRebateHistoryType
  res.json(await rebateHistory(req.scope, req.auth_context.actor_id, { limit, offset }))
}
