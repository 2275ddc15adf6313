import { MedusaContainer } from "@medusajs/framework/types"
import { ChangeActionType, Modules, OrderChangeType } from "@medusajs/framework/utils"

export type RefundCreditLine = { order_id: string; marker: string; amount: string; payment_collection_id: string | undefined }

/**
 * Records refunds as credit lines, one confirmed credit-line order change per order, in three
 * order-module calls for all of them: what Medusa's createOrderRefundCreditLinesWorkflow (not
 * exported by core-flows) does for one order. A death in between leaves pending changes, which
 * the next attempt settles (finishDeadCancel).
 */
export async function addRefundCreditLines(container: MedusaContainer, lines: RefundCreditLine[]) {
  if (!lines.length) return
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
