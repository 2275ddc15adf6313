import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../modules/rebates"
import { requestNow } from "../../../../../utils/clock"
import { localMonth } from "../../../../../utils/months"
import { poolRunView, recordFailedRun } from "../../../../../utils/pool-runs"
import { evaluateMonthInBulkWorkflow } from "../../../../../workflows/levels"
import { closeRebateMonth } from "../../../../../workflows/month-close"
import { AdminExecuteMonthCloseType } from "../validators"

/**
 * POST /admin/fission/rebates/month-close `{ month }` → `{ run, replayed, postings }`: closes the month now
 * (pool and tiered rebates). A second close of a completed month pays nothing (`replayed: true`, `postings: 0`).
 * A month that has not started yet is a 400.
 */
export const POST = async (req: MedusaRequest<AdminExecuteMonthCloseType>, res: MedusaResponse) => {
  const { month } = req.validatedBody as AdminExecuteMonthCloseType
  const settings = await req.scope.resolve<RebatesModuleService>(REBATES_MODULE).retrieveSettings()
  const current = localMonth(requestNow(req), settings.time_zone)
  if (month > current) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `month ${month} has not started yet (it is ${current} in ${settings.time_zone})`)
  try {
    const [run] = await req.scope.resolve<RebatesModuleService>(REBATES_MODULE).listRebatePoolRuns({ month })
    // a month not closed yet: every customer's month brought to its worth first
    if (run?.status !== "completed") await evaluateMonthInBulkWorkflow(req.scope).run({ input: { month } })
    const result = await closeRebateMonth(req.scope as any, month)
    res.json({ run: poolRunView(result.run), replayed: result.replayed, postings: result.postings })
  } catch (e) {
    await recordFailedRun(req.scope, month, e)
    throw e
  }
}
