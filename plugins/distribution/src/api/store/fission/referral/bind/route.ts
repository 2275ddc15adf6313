import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindReferralCodeWorkflow } from "../../../../../workflows/referral"
import { referralView } from "../../../../utils/referral-people"
import { StoreBindReferralType } from "../validators"

/**
 * POST /store/fission/referral/bind `{ code, source? }` — binds the logged-in
 * customer to the code's promoter (SPEC §2.2). 404 unknown code; 400
 * self-referral, cycle, non-promoter or disabled referrer, outside the bind
 * window; 422 `duplicate_error` already bound. → `{ referral }` as GET /store/fission/referral.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreBindReferralType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await bindReferralCodeWorkflow(req.scope).run({
    input: { customer_id: customerId, code: req.validatedBody.code, source: req.validatedBody.source, channel: "store" },
  })
  res.json({ referral: await referralView(req.scope, customerId) })
}
