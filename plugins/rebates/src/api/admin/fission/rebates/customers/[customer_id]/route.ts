import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { rebateHistory, rebateStatus } from "../../../../../../api/utils/rebate-status"
import { AdminGetRebateCustomerType } from "../../validators"

/** GET /admin/fission/rebates/customers/:customer_id?month= → `{ rebates: { status, history } }` (the customer widget). */
export const GET = async (req: MedusaRequest<unknown, AdminGetRebateCustomerType>, res: MedusaResponse) => {
  const { customer_id } = req.params
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customer_id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customer_id} was not found`)
  const { month } = req.validatedQuery as AdminGetRebateCustomerType
  res.json({
    rebates: {
      status: await rebateStatus(req.scope, customer_id, new Date(), month),
      history: await rebateHistory(req.scope, customer_id, { limit: 12, offset: 0 }),
    },
  })
}
