import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rebindReferralWorkflow } from "../../../../../../workflows/referral"
import { AdminRebindReferralType } from "../../validators"

/**
 * POST /admin/fission/referrals/:customer_id/rebind `{ referrer_id | null, reason }` — moves the customer
 * (and their team) under another referrer, or unbinds with null. Reason mandatory, audited in
 * referral_event with the admin's id. 400 self/cycle, 404 unknown customer.
 * → `{ referral, previous_referrer_id, event_id }`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRebindReferralType>, res: MedusaResponse) => {
  const { result } = await rebindReferralWorkflow(req.scope).run({
    input: {
      customer_id: req.params.customer_id,
      referrer_id: req.validatedBody.referrer_id,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({
    referral: result?.referral ?? null,
    previous_referrer_id: result?.previous?.referrer_id ?? null,
    event_id: result?.event_id ?? null,
  })
}
