import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { fromMinor, toMinor } from "@fission/core/utils"
import { formatWithdrawal } from "../../../../utils/withdrawals"
import { AdminGetWithdrawalsParamsType } from "./validators"

/**
 * GET /admin/fission/withdrawals?status=&customer_id=&offset=&limit= — the withdrawal
 * queue, oldest first (work it top-down), with totals of everything the filters match.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetWithdrawalsParamsType>, res: MedusaResponse) => {
  const { status, customer_id, offset, limit } = req.validatedQuery as AdminGetWithdrawalsParamsType
  const filters = { ...(status ? { status } : {}), ...(customer_id ? { customer_id } : {}) }
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [[withdrawals, count], groups] = await Promise.all([
    service.listAndCountWithdrawals(filters, { skip: offset, take: limit, order: { created_at: "ASC", id: "ASC" } }),
    service.sumWithdrawals(filters),
  ])
  // exact: sum the per-status totals in cents
  const sum = (key: "amount" | "fee" | "net_amount") => Number(fromMinor(groups.reduce((t, g) => t + toMinor(g[key]), 0n)))
  res.json({
    withdrawals: withdrawals.map(formatWithdrawal),
    count,
    offset,
    limit,
    totals: {
      count: groups.reduce((t, g) => t + g.count, 0),
      amount: sum("amount"),
      fee: sum("fee"),
      net_amount: sum("net_amount"),
      by_status: Object.fromEntries(
        groups.map((g) => [g.status, { count: g.count, amount: Number(g.amount), fee: Number(g.fee), net_amount: Number(g.net_amount) }])
      ),
    },
  })
}
