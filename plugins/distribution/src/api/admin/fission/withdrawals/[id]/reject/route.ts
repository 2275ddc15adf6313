import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatWithdrawal } from "../../../../../../utils/withdrawals"
import { rejectWithdrawalWorkflow } from "../../../../../../workflows/withdrawals"
import { AdminRejectWithdrawalType } from "../../validators"

/** POST /admin/fission/withdrawals/:id/reject { reason } — the held amount becomes available again. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRejectWithdrawalType>, res: MedusaResponse) => {
  const { result } = await rejectWithdrawalWorkflow(req.scope).run({
    input: { withdrawal_id: req.params.id, reason: req.validatedBody.reason, actor_id: req.auth_context.actor_id },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}
