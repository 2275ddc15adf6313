import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReverseInput } from "@fission/core/modules/ledger"
import { FissionOrder, reversalEntriesFor, reversalTarget } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

export type CommissionReversalPlan = {
  order_id: string
  reversals: ReverseInput[]
  commissions: { id: string; reversed_amount: string }[]
  merchandise_reversed: string
}

/**
 * The order's commissions reversed to core's cumulative shares (SPEC §0.4, one
 * rule for every plugin): a line's commissions follow `order.reversal.lines[line]`,
 * order-level ones (team rewards) `order.reversal.merchandise`. Each target is
 * floored to the cent; the ledger posts only what is missing, so redelivered and
 * reordered refund/return events reverse nothing twice. Voided commissions
 * (canceled while pending) are skipped.
 */
export const planCommissionReversalsStep = createStep(
  "fission-plan-commission-reversals",
  async ({ order, reason }: { order: FissionOrder; reason: string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const records = (await service.listCommissions({ order_id: order.id })).filter((r) => r.status !== "voided")
    const shareOf = (r: (typeof records)[number]) =>
      (r.line_item_id && order.reversal.lines[r.line_item_id]) || order.reversal.merchandise
    const earnings = records.map((r) => ({
      posting_key: r.posting_key,
      amount: String(r.amount),
      digits: 2,
      share: shareOf(r),
      reason,
      as_of: order.reversal.as_of,
    }))
    return new StepResponse<CommissionReversalPlan>({
      order_id: order.id,
      reversals: reversalEntriesFor(earnings),
      commissions: records.map((r) => ({ id: r.id, reversed_amount: reversalTarget(String(r.amount), shareOf(r), 2) })),
      merchandise_reversed: reversalTarget(order.merchandise_total, order.reversal.merchandise, 2),
    })
  }
)

/**
 * Mirrors the plan onto the records (reversed amounts, refunded_total) with
 * grow-only updates. No compensation: it is the workflow's last step, and a
 * retry of the whole workflow writes the same targets again.
 */
export const raiseCommissionReversalsStep = createStep(
  "fission-raise-commission-reversals",
  async (plan: CommissionReversalPlan, { container }) => {
    await container
      .resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
      .raiseOrderReversals(plan.order_id, plan.commissions, plan.merchandise_reversed)
    return new StepResponse(null)
  }
)
