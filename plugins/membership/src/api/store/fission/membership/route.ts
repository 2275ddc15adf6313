import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestNow } from "../../../../utils/clock"
import { setMemberBirthdayWorkflow } from "../../../../workflows/birthdays"
import { membershipSummary } from "../../../utils/membership-summary"
import { StoreUpdateMembershipType } from "./validators"

/**
 * GET /store/fission/membership → `{ membership: { customer_id, level, next_level, growth,
 * qualifying_growth, growth_to_next_level, downgrade_policy, birthday, points: { available, pending,
 * expiring_soon, expiring_within_days }, shopping_fund } }`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ membership: await membershipSummary(req.scope, req.auth_context.actor_id, requestNow(req)) })
}

/** POST /store/fission/membership `{ birthday }` — once; a second time is a 400 (admins can change it). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateMembershipType>, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  await setMemberBirthdayWorkflow(req.scope).run({
    input: { customer_id, birthday: (req.validatedBody as StoreUpdateMembershipType).birthday, once: true },
  })
  res.json({ membership: await membershipSummary(req.scope, customer_id, requestNow(req)) })
}
