import { MedusaContainer } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { loadCustomers } from "../../../utils/referral-people"

/** Promoters with their customer (full data: admin only), team counts and direct referrer. */
export async function withDetails(scope: Pick<MedusaContainer, "resolve">, promoters: any[]) {
  const service = scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const ids = promoters.map((p) => p.customer_id)
  const [customers, counters, referrals] = await Promise.all([
    loadCustomers(scope, ids),
    service.listTeamCounters({ customer_id: ids }),
    service.listReferrals({ customer_id: ids }),
  ])
  return promoters.map((p) => {
    const c = counters.find((x) => x.customer_id === p.customer_id)
    const customer = customers.get(p.customer_id)
    return {
      ...p,
      customer: customer ? { id: customer.id, email: customer.email, first_name: customer.first_name, last_name: customer.last_name } : null,
      counts: { level1: c?.level1 ?? 0, level2: c?.level2 ?? 0, level3: c?.level3 ?? 0 },
      referrer_id: referrals.find((r) => r.customer_id === p.customer_id)?.referrer_id ?? null,
    }
  })
}
