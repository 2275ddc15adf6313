import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { periodRange } from "../../../../../utils/referral/period"
import { teamCounts } from "../../../../utils/referral-people"

/**
 * GET /store/fission/team/summary → `{ summary: { counts: { level1, level2, level3 }, total,
 * sales_this_month: [{ currency_code, amount, orders }], from, to } }`. Team sales =
 * paid (not canceled, net of refunds) item totals of members at depth ≤ 2 this
 * calendar month (UTC), from the commission lifecycle's order records.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const customerId = req.auth_context.actor_id
  const month = periodRange("month")
  const [counts, sales] = await Promise.all([teamCounts(service, customerId), service.sumTeamSales(customerId, month, 2)])
  res.json({
    summary: {
      counts,
      total: counts.level1 + counts.level2 + counts.level3,
      sales_this_month: sales.map((s) => ({ currency_code: s.currency_code, amount: Number(s.amount), orders: s.orders })),
      from: month.from,
      to: month.to,
    },
  })
}
