import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { periodRange } from "../../../../utils/referral/period"
import { loadCustomers, maskedPerson } from "../../../utils/referral-people"
import { StoreGetLeaderboardParamsType } from "./validators"

async function defaultCurrency(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currencies = (data[0]?.supported_currencies ?? []) as any[]
  return (currencies.find((c) => c?.is_default) ?? currencies[0])?.currency_code ?? "usd"
}

/**
 * GET /store/fission/leaderboard?period=month&by=referrals|sales&currency_code=&limit= (public)
 * → `{ leaderboard: { by, period, from, to, currency_code, entries: [{ position, name, value }] } }`:
 * the top promoters (masked names) by new direct referrals bound in the period,
 * or by paid sales of their level-1/2 team in the period (store default currency).
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetLeaderboardParamsType>, res: MedusaResponse) => {
  const { period, by, limit } = req.validatedQuery as StoreGetLeaderboardParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const settings = await service.retrieveSettings()
  const range = periodRange(period)
  const currency_code =
    by === "sales" ? ((req.validatedQuery as StoreGetLeaderboardParamsType).currency_code?.toLowerCase() ?? (await defaultCurrency(req))) : null
  const rows = await service.listLeaderboard({
    ...range,
    by,
    limit,
    currency_code: currency_code ?? undefined,
    everyone_is_promoter: settings.promoter_mode === "everyone_is_promoter",
  })
  const customers = await loadCustomers(req.scope, rows.map((r) => r.customer_id))
  res.json({
    leaderboard: {
      by,
      period,
      ...range,
      currency_code,
      entries: rows.map((r, i) => ({ position: i + 1, name: maskedPerson(customers.get(r.customer_id)).name, value: Number(r.value) })),
    },
  })
}
