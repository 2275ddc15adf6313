import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../../../../modules/rebates"
import { poolRunView } from "../../../../../../utils/pool-runs"

/** GET /admin/fission/rebates/pool-runs/:id → `{ pool_run }` (every payout posting has source `rebates.pool_run` / this id). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<RebatesModuleService>(REBATES_MODULE)
  const [run] = await service.listRebatePoolRuns({ id: req.params.id })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pool run ${req.params.id} was not found`)
  res.json({ pool_run: poolRunView(run) })
}
