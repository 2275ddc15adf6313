import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { commissionFilter } from "../../../../utils/commission-records"
import { AdminGetDailyCommissionsParamsType } from "../validators"

/**
 * GET /admin/fission/commissions/daily?days=30&timezone=Asia/Shanghai&currency_code=&<list filters>
 * → `{ daily: { timezone, currency_code, days: [{ date: "YYYY-MM-DD", count, amount, reversed_amount,
 * net_amount }] } }` — commission created per local calendar day, oldest first, zero-filled (the admin
 * chart). Without currency_code: the currency with the most records in the window.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetDailyCommissionsParamsType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminGetDailyCommissionsParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const daily = await service.sumCommissionsByDay(commissionFilter(q), { days: q.days, timezone: q.timezone, currency_code: q.currency_code })
  res.json({ daily })
}
