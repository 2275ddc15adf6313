import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conflictBody, formatWithdrawal } from "../../../../../../utils/withdrawals"
import { rejectWithdrawalWorkflow } from "../../../../../../workflows/withdrawals"
import { AdminRejectWithdrawalType } from "../../validators"

/** POST /admin/fission/withdrawals/:id/reject { reason } — the held amount becomes available again. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRejectWithdrawalType>, res: MedusaResponse) => {
  try {
    const { result } = await rejectWithdrawalWorkflow(req.scope).run({
      input: { withdrawal_id: req.params.id, reason: req.validatedBody.reason, actor_id: req.auth_context.actor_id },
    })
    res.json({ withdrawal: formatWithdrawal(result) })
  } catch (e) {
    const conflict = conflictBody(e)
    if (!conflict) throw e
    res.status(409).json(conflict)
  }
}
