import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { loadCustomers, maskedPerson } from "../../../utils/referral-people"
import { StoreGetTeamParamsType } from "./validators"

/**
 * GET /store/fission/team?level=1|2|3&limit=&offset= → the logged-in customer's
 * team members at that depth, newest first: `{ members: [{ name, email (masked),
 * level, joined_at, team_size }], count, offset, limit, level }`. Never another
 * customer's id or full name/e-mail.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetTeamParamsType>, res: MedusaResponse) => {
  const { level, limit, offset } = req.validatedQuery as StoreGetTeamParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [paths, count] = await service.listAndCountReferralAncestors(
    { ancestor_id: req.auth_context.actor_id, depth: level },
    { skip: offset, take: limit, order: { created_at: "DESC" } }
  )
  const ids = paths.map((p) => p.descendant_id)
  const [customers, referrals, counters] = await Promise.all([
    loadCustomers(req.scope, ids),
    service.listReferrals({ customer_id: ids }),
    service.listTeamCounters({ customer_id: ids }),
  ])
  const members = ids.map((id) => ({
    ...maskedPerson(customers.get(id)),
    level,
    joined_at: referrals.find((r) => r.customer_id === id)?.bound_at ?? null,
    team_size: counters.find((c) => c.customer_id === id)?.level1 ?? 0,
  }))
  res.json({ members, count, offset, limit, level })
}
