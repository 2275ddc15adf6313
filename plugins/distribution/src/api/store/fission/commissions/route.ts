import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { formatCommission } from "../../../utils/commission-records"
import { loadCustomers, maskedPerson } from "../../../utils/referral-people"
import { StoreGetCommissionsParamsType } from "./validators"

/**
 * GET /store/fission/commissions?status=&limit=&offset= → the logged-in customer's own commission
 * records, newest first: `{ commissions: [{ id, order_id, product_id, kind, level, amount,
 * reversed_amount, currency_code, status, available_at, created_at, buyer: { name (masked) } }],
 * count, offset, limit }`. Only records where the customer is the beneficiary; the buyer is
 * never shown by id, full name or e-mail.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetCommissionsParamsType>, res: MedusaResponse) => {
  const { status, limit, offset } = req.validatedQuery as StoreGetCommissionsParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [records, count] = await service.listAndCountCommissions(
    { beneficiary_id: req.auth_context.actor_id, ...(status ? { status: Array.isArray(status) ? status : [status] } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const buyers = await loadCustomers(req.scope, records.map((r) => r.buyer_id))
  res.json({
    commissions: records.map((r) => {
      const c = formatCommission(r)
      return {
        id: c.id,
        order_id: c.order_id,
        product_id: c.product_id,
        kind: c.kind,
        level: c.level,
        amount: c.amount,
        reversed_amount: c.reversed_amount,
        currency_code: c.currency_code,
        status: c.status,
        available_at: c.available_at,
        created_at: c.created_at,
        buyer: { name: maskedPerson(buyers.get(r.buyer_id)).name },
      }
    }),
    count,
    offset,
    limit,
  })
}
