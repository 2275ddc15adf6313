import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../modules/rebates"
import { monthClosePlan } from "../../../../../utils/month-close-plan"
import { localMonth } from "../../../../../utils/months"
import { poolRunView } from "../../../../../utils/pool-runs"

/**
 * GET /admin/fission/rebates/summary → `{ summary: { month, currency_code, gmv, pool_amount, pool_mode, run } }`
 * for the Growth overview: the dividend pool of the current local month so far (GMV and
 * pool from today's settings, as the close would compute it — nothing is written), and the
 * month's close run once there is one.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<RebatesModuleService>(REBATES_MODULE)
  const settings = await service.retrieveSettings()
  const month = localMonth(new Date(), settings.time_zone)
  const plan = await monthClosePlan(req.scope, month)
  const [run] = await plan.service.listRebatePoolRuns({ month })
  res.json({
    summary: {
      month,
      currency_code: plan.currency_code,
      pool_mode: plan.settings.pool_mode,
      gmv: Number(plan.gmv),
      pool_amount: Number(plan.pool_amount),
      run: run ? poolRunView(run) : null,
    },
  })
}
