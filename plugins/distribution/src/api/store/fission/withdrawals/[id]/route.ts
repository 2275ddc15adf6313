import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { formatWithdrawal } from "../../../../../utils/withdrawals"

/** GET /store/fission/withdrawals/:id — one of my withdrawals (someone else's is a 404). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [withdrawal] = await service.listWithdrawals({ id: req.params.id, customer_id: req.auth_context.actor_id })
  if (!withdrawal) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal with id: ${req.params.id} was not found`)
  res.json({ withdrawal: formatWithdrawal(withdrawal) })
}
