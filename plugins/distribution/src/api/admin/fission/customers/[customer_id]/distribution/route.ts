import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../../modules/distribution"
import { isEffectivePromoter, PromoterMode, PromoterStatus } from "../../../../../../utils/referral/bind-rules"
import { loadCustomers, teamCounts } from "../../../../../utils/referral-people"

/** @fission/core's ledger module key (resolved untyped: core ships no .d.ts). */
const LEDGER_MODULE = "fission_ledger"
const num = (v: unknown) => Number(v ?? 0)

/**
 * A customer's commission balances from the ledger (asset `commission`, one entry per
 * currency): posted, pending in/out, available (= what can be withdrawn) and any debt
 * left by reversals of commission already spent.
 */
async function commissionBalances(req: AuthenticatedMedusaRequest, customerId: string) {
  const ledger = req.scope.resolve<any>(LEDGER_MODULE)
  const balances: any[] = await ledger.retrieveBalances({ owner_type: "customer", owner_id: customerId })
  const mine = balances.filter((b) => b.asset === "commission")
  const currencies = [...new Set(mine.map((b) => b.currency_code as string))].sort()
  return currencies.map((currency_code) => {
    const main = mine.find((b) => b.currency_code === currency_code && b.purpose === "main")
    const debt = mine.find((b) => b.currency_code === currency_code && b.purpose === "debt")
    return {
      currency_code,
      posted: num(main?.posted),
      pending_in: num(main?.pending_in),
      pending_out: num(main?.pending_out),
      available: num(main?.available),
      debt: debt ? -num(debt.posted) : 0,
    }
  })
}

/**
 * GET /admin/fission/customers/:customer_id/distribution → `{ distribution: { customer_id, promoter:
 * { id, status, source, code, rank_overridden, activated_at } | null, promoter_status, effective_promoter,
 * code, rank: { id, name, position, is_leader } | null, referrer: { id, email, first_name, last_name } | null,
 * referral: { source, code, bound_at, expires_at, expired } | null, counts: { level1, level2, level3 },
 * team_size, balances: [{ currency_code, posted, pending_in, pending_out, available, debt }],
 * commission_totals } }` — the customer widget. Read-only: never creates a promoter. 404 unknown customer.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.params.customer_id
  const [me] = (await loadCustomers(req.scope, [customerId])).values()
  if (!me) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)

  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [settings, [promoter], [referral], counts, balances, totals] = await Promise.all([
    service.retrieveSettings(),
    service.listPromoters({ customer_id: customerId }),
    service.listReferrals({ customer_id: customerId }),
    teamCounts(service, customerId),
    commissionBalances(req, customerId),
    service.sumCommissions({ beneficiary_id: customerId }),
  ])
  const [rank] = promoter?.rank_id
    ? await service.listDistributionRanks({ id: promoter.rank_id })
    : promoter
      ? await service.listDistributionRanks({ is_default: true }, { take: 1 })
      : []
  const referrer = referral ? (await loadCustomers(req.scope, [referral.referrer_id])).get(referral.referrer_id) : undefined
  const effective = !!promoter && isEffectivePromoter(promoter.status as PromoterStatus, settings.promoter_mode as PromoterMode)

  res.json({
    distribution: {
      customer_id: customerId,
      promoter: promoter
        ? {
            id: promoter.id,
            status: promoter.status,
            source: promoter.source,
            code: promoter.code,
            rank_overridden: promoter.rank_overridden,
            activated_at: promoter.activated_at,
          }
        : null,
      promoter_status: promoter ? promoter.status : "none",
      promoter_mode: settings.promoter_mode,
      effective_promoter: effective,
      code: promoter?.code ?? null,
      rank: rank ? { id: rank.id, name: rank.name, position: rank.position, is_leader: rank.is_leader } : null,
      referrer: referral
        ? {
            id: referral.referrer_id,
            email: referrer?.email ?? null,
            first_name: referrer?.first_name ?? null,
            last_name: referrer?.last_name ?? null,
          }
        : null,
      referral: referral
        ? {
            source: referral.source,
            code: referral.code,
            bound_at: referral.bound_at,
            expires_at: referral.expires_at,
            expired: !!referral.expires_at && new Date(referral.expires_at) <= new Date(),
          }
        : null,
      counts,
      team_size: counts.level1 + counts.level2 + counts.level3,
      balances,
      commission_totals: totals,
    },
  })
}
