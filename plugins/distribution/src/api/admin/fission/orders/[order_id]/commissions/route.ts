import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../../modules/distribution"
import { adminCard, formatCommission } from "../../../../../utils/commission-records"
import { loadCustomers } from "../../../../../utils/referral-people"

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/**
 * GET /admin/fission/orders/:order_id/commissions → `{ commissions: [{ ...record, beneficiary }],
 * commission_order: { order_id, buyer_id, status (placed|paid|delivered|settled|canceled),
 * currency_code, base_total, refunded_total, paid_at, delivered_at, available_at } | null, totals }`
 * — what the order generated and where it is in the commission lifecycle (the order widget).
 * commission_order is null for an order that generated nothing (no referrer, excluded products).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)

  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [records, [lifecycle], totals] = await Promise.all([
    service.listCommissions({ order_id: orderId }, { order: { level: "ASC", created_at: "ASC" } }),
    service.listCommissionOrders({ order_id: orderId }),
    service.sumCommissions({ order_id: orderId }),
  ])
  const people = await loadCustomers(req.scope, records.map((r) => r.beneficiary_id))
  res.json({
    commissions: records.map((r) => ({ ...formatCommission(r), beneficiary: adminCard(people.get(r.beneficiary_id), r.beneficiary_id) })),
    commission_order: lifecycle
      ? {
          id: lifecycle.id,
          order_id: lifecycle.order_id,
          buyer_id: lifecycle.buyer_id,
          status: lifecycle.status,
          currency_code: lifecycle.currency_code,
          base_total: num(lifecycle.base_total),
          refunded_total: num(lifecycle.refunded_total),
          paid_at: lifecycle.paid_at,
          delivered_at: lifecycle.delivered_at,
          available_at: lifecycle.available_at,
          created_at: lifecycle.created_at,
        }
      : null,
    totals,
  })
}
