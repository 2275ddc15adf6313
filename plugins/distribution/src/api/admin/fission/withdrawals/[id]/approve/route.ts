import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conflictBody, formatWithdrawal } from "../../../../../../utils/withdrawals"
import { approveWithdrawalWorkflow } from "../../../../../../workflows/withdrawals"

/** POST /admin/fission/withdrawals/:id/approve — requested → approved (409 from any other status). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  try {
    const { result } = await approveWithdrawalWorkflow(req.scope).run({
      input: { withdrawal_id: req.params.id, actor_id: req.auth_context.actor_id },
    })
    res.json({ withdrawal: formatWithdrawal(result) })
  } catch (e) {
    const conflict = conflictBody(e)
    if (!conflict) throw e
    res.status(409).json(conflict)
  }
}
