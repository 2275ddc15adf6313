import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { adminCard, commissionFilter, formatCommission, serviceFilters } from "../../../utils/commission-records"
import { loadCustomers } from "../../../utils/referral-people"
import { AdminGetCommissionsParamsType } from "./validators"

/**
 * GET /admin/fission/commissions?status=&kind=&level=&beneficiary_id=&buyer_id=&order_id=&currency_code=
 * &created_at[gte|gt|lte|lt]=&limit=&offset= → `{ commissions: [{ ...record, beneficiary, buyer }], count,
 * offset, limit, totals: { count, by_currency: [{ currency_code, count, amount, reversed_amount, net_amount,
 * by_status: { <status>: { count, amount, reversed_amount, net_amount } } }] } }`, newest first. Totals
 * cover everything the filters match (not just the page), summed exactly in Postgres.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCommissionsParamsType>, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminGetCommissionsParamsType
  const filter = commissionFilter(q)
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [[records, count], totals] = await Promise.all([
    service.listAndCountCommissions(serviceFilters(filter), {
      skip: q.offset,
      take: q.limit,
      order: { created_at: "DESC", id: "DESC" },
    }),
    service.sumCommissions(filter),
  ])
  const people = await loadCustomers(req.scope, records.flatMap((r) => [r.beneficiary_id, r.buyer_id]))
  res.json({
    commissions: records.map((r) => ({
      ...formatCommission(r),
      beneficiary: adminCard(people.get(r.beneficiary_id), r.beneficiary_id),
      buyer: adminCard(people.get(r.buyer_id), r.buyer_id),
    })),
    count,
    offset: q.offset,
    limit: q.limit,
    totals,
  })
}
