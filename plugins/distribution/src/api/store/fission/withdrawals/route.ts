import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { formatWithdrawal } from "../../../../utils/withdrawals"
import { requestWithdrawalWorkflow } from "../../../../workflows/withdrawals"
import { StoreCreateWithdrawalType, StoreGetWithdrawalsParamsType } from "./validators"

/**
 * POST /store/fission/withdrawals { amount, method, account? } — ask to cash out
 * available commission; the amount is held (pending) at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateWithdrawalType>, res: MedusaResponse) => {
  const { amount, method, account } = req.validatedBody
  const { result } = await requestWithdrawalWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, amount, method, account: account ?? null },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}

/** GET /store/fission/withdrawals?status=&limit=&offset= — my withdrawals, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetWithdrawalsParamsType>, res: MedusaResponse) => {
  const { status, offset, limit } = req.validatedQuery as StoreGetWithdrawalsParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [withdrawals, count] = await service.listAndCountWithdrawals(
    { customer_id: req.auth_context.actor_id, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ withdrawals: withdrawals.map(formatWithdrawal), count, offset, limit })
}
