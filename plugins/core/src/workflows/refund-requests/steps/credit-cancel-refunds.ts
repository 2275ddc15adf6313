import { ChangeActionType, ContainerRegistrationKeys, MathBN, Modules, OrderChangeType } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CANCEL_ORDER_FIELDS, CancelableOrder, checkCancelRefunds, PlannedCancel } from "../../../utils/refunds"

export type CreditedCancels = { order_ids: string[]; failed: { order_id: string; error: string }[] }

/**
 * After a batch cancel's refunds: each order that got back what was planned records it as a
 * credit line (what cancelOrderWorkflow does per order with an order change it creates and
 * confirms; here one module call each for the whole batch); an order the provider refused is
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
    const lines = credited.filter((c) => MathBN.gt(c.amount, 0))
    if (lines.length) {
      const orderModule = container.resolve(Modules.ORDER)
      const changes = await orderModule.createOrderChange(
        lines.map((c) => ({ order_id: c.order_id, change_type: OrderChangeType.CREDIT_LINE, created_by: c.marker }))
      )
      const changeOf = new Map(changes.map((ch) => [ch.order_id, ch]))
      await orderModule.addOrderAction(
        lines.map((c) => ({
          order_change_id: changeOf.get(c.order_id)!.id,
          order_id: c.order_id,
          version: changeOf.get(c.order_id)!.version,
          action: ChangeActionType.CREDIT_LINE_ADD,
          reference: "payment_collection",
          reference_id: c.payment_collection_id,
          amount: c.amount,
        }))
      )
      await orderModule.confirmOrderChange(lines.map((c) => ({ id: changeOf.get(c.order_id)!.id, confirmed_by: c.marker })))
    }
    return new StepResponse<CreditedCancels>({ order_ids: credited.map((c) => c.order_id), failed })
  }
)
