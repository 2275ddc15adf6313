import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../../modules/membership"
import { setMemberBirthdayWorkflow } from "../../../../../../workflows/birthdays"
import { membershipSummary } from "../../../../../utils/membership-summary"
import { AdminUpdateMembershipCustomerType } from "../validators"

const view = async (req: AuthenticatedMedusaRequest, customer_id: string) => {
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const level_changes = await service.listLevelChanges({ customer_id }, { order: { created_at: "DESC" }, take: 20 })
  return { ...(await membershipSummary(req.scope, customer_id, new Date())), level_changes }
}

/**
 * GET /admin/fission/membership/customers/:customer_id → `{ membership: { …as the store route…,
 * level_changes: [{ from_level_id, to_level_id, growth, reason, created_at }] (newest 20) } }`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ membership: await view(req, req.params.customer_id) })
}

/** POST /admin/fission/membership/customers/:customer_id `{ birthday: "YYYY-MM-DD" | null }` → `{ membership }`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateMembershipCustomerType>, res: MedusaResponse) => {
  const customer_id = req.params.customer_id
  const [found] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { select: ["id"] })
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customer_id} was not found`)
  await setMemberBirthdayWorkflow(req.scope).run({
    input: { customer_id, birthday: (req.validatedBody as AdminUpdateMembershipCustomerType).birthday, once: false },
  })
  res.json({ membership: await view(req, customer_id) })
}
