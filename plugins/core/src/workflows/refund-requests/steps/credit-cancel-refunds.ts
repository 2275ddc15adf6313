import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addRefundCreditLines } from "../execute/refund-credit-lines"
import { CANCEL_ORDER_FIELDS, CancelableOrder, checkCancelRefunds, PlannedCancel } from "../../../utils/refunds"

export type CreditedCancels = { order_ids: string[]; failed: { order_id: string; error: string }[] }

/**
 * After a batch cancel's refunds: each order that got back what was planned records it as a
 * credit line (what cancelOrderWorkflow does per order; here addRefundCreditLines for the whole
 * batch); an order the provider refused is
 * left out of the cancel. No compensation: a credit line states a refund that was made, and a
 * retry after a death in between settles a change left pending (finishDeadCancel).
 */
export const creditCancelRefundsStep = createStep(
  "fission-credit-cancel-refunds",
  async (plan: PlannedCancel[], { container }) => {
    if (!plan.length) return new StepResponse<CreditedCancels>({ order_ids: [], failed: [] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: CANCEL_ORDER_FIELDS, filters: { id: plan.map((c) => c.order_id) } })
    const { credited, failed } = checkCancelRefunds(plan, data as CancelableOrder[])
    await addRefundCreditLines(container, credited.filter((c) => MathBN.gt(c.amount, 0)))
    return new StepResponse<CreditedCancels>({ order_ids: credited.map((c) => c.order_id), failed })
  }
)
