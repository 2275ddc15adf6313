import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../modules/rebates"
import { poolRunView } from "../../../../../utils/pool-runs"
import { AdminListPoolRunsType } from "../validators"

/** GET /admin/fission/rebates/pool-runs?limit=&offset= → `{ pool_runs, count, offset, limit }`, newest month first. */
export const GET = async (req: MedusaRequest<unknown, AdminListPoolRunsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListPoolRunsType
  const service = req.scope.resolve<RebatesModuleService>(REBATES_MODULE)
  const [runs, count] = await service.listAndCountRebatePoolRuns({}, { order: { month: "DESC" }, take: limit, skip: offset })
  res.json({ pool_runs: runs.map(poolRunView), count, offset, limit })
}
