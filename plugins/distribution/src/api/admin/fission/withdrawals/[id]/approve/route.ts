import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatWithdrawal } from "../../../../../../utils/withdrawals"
import { approveWithdrawalWorkflow } from "../../../../../../workflows/withdrawals"

/** POST /admin/fission/withdrawals/:id/approve — requested → approved; 400 `not_allowed` naming the status from any other. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await approveWithdrawalWorkflow(req.scope).run({
    input: { withdrawal_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}
