import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"

const DAY_MS = 86_400_000

/**
 * GET /admin/fission/distribution/summary → `{ summary: { commissions, last_30_days, withdrawals } }`
 * for the Growth overview: commissions pending and available per currency, those created in
 * the last 30 days, and the withdrawals waiting for review (requested) or payment (approved).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const since = new Date(Date.now() - 30 * DAY_MS)
  const [open, recent, withdrawals] = await Promise.all([
    service.sumCommissions({ status: ["pending", "available"] }),
    service.sumCommissions({ created_at: { gte: since } }),
    service.sumWithdrawals({}),
  ])
  const queue = (status: string) => {
    const row = withdrawals.find((w) => w.status === status)
    return { count: row?.count ?? 0, amount: Number(row?.amount ?? 0) }
  }
  res.json({
    summary: {
      commissions: open.by_currency.map((c) => ({
        currency_code: c.currency_code,
        pending: c.by_status.pending ?? { count: 0, amount: 0, reversed_amount: 0, net_amount: 0 },
        available: c.by_status.available ?? { count: 0, amount: 0, reversed_amount: 0, net_amount: 0 },
      })),
      last_30_days: recent.by_currency.map((c) => ({ currency_code: c.currency_code, count: c.count, net_amount: c.net_amount })),
      withdrawals: { requested: queue("requested"), approved: queue("approved") },
    },
  })
}
