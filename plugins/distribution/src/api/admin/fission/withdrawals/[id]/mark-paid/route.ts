import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatWithdrawal } from "../../../../../../utils/withdrawals"
import { markWithdrawalPaidWorkflow } from "../../../../../../workflows/withdrawals"
import { AdminMarkWithdrawalPaidType } from "../../validators"

/**
 * POST /admin/fission/withdrawals/:id/mark-paid { reference?, provider_id? } — approved → paid
 * through a payout provider (default `manual`: records the admin's reference); posts the held debits.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkWithdrawalPaidType>, res: MedusaResponse) => {
  const { result } = await markWithdrawalPaidWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      actor_id: req.auth_context.actor_id,
      reference: req.validatedBody.reference ?? null,
      provider_id: req.validatedBody.provider_id ?? null,
    },
  })
  res.json({ withdrawal: formatWithdrawal(result) })
}
