import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { asBigNumberInput } from "@fission/core/utils"
import { CommissionPlan } from "./build-commission-plan"

export type CommissionRecord = {
  id: string
  order_id: string
  beneficiary_id: string
  amount: number | string
  reversed_amount: number | string
  currency_code: string
  posting_key: string
  status: "pending" | "available" | "voided" | "reversed"
  level: number
  kind: string
}

/**
 * Stores the order's lifecycle row and its commission records once: a
 * redelivered `order.placed` finds the row and creates nothing (unique order_id
 * and posting keys back this up in the database).
 */
export const createCommissionRecordsStep = createStep(
  "fission-create-commission-records",
  async (plan: CommissionPlan | null, { container }) => {
    if (!plan) return new StepResponse({ created: false, records: [] as CommissionRecord[] }, null)
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const [existing] = await service.listCommissionOrders({ order_id: plan.order.order_id })
    if (existing) {
      // keep what was decided the first time, even if settings changed since
      const records = await service.listCommissions({ order_id: plan.order.order_id })
      return new StepResponse({ created: false, records: records as CommissionRecord[] }, null)
    }
    const order = await service.createCommissionOrders({
      ...plan.order,
      base_total: asBigNumberInput(plan.order.base_total),
      // a JSON array; the DML json type only says Record
      product_ids: plan.order.product_ids as unknown as Record<string, unknown>,
    })
    const records = await service.createCommissions(
      plan.commissions.map((c) => ({
        order_id: plan.order.order_id,
        line_item_id: c.line_item_id,
        product_id: c.product_id,
        buyer_id: plan.order.buyer_id,
        beneficiary_id: c.beneficiary_id,
        kind: c.kind,
        level: c.level,
        base_amount: asBigNumberInput(c.base),
        rate: c.rate === null ? null : asBigNumberInput(c.rate),
        fixed_per_unit: c.fixed_per_unit === null ? null : asBigNumberInput(c.fixed_per_unit),
        quantity: c.quantity,
        amount: asBigNumberInput(c.amount),
        currency_code: plan.order.currency_code,
        posting_key: c.posting_key,
      }))
    )
    return new StepResponse(
      { created: true, records: records as CommissionRecord[] },
      { order_id: order.id, ids: records.map((r) => r.id) }
    )
  },
  async (created, { container }) => {
    if (!created) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.deleteCommissions(created.ids)
    await service.deleteCommissionOrders([created.order_id])
  }
)
