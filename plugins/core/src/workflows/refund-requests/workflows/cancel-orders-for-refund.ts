import { OrderWorkflowEvents, PaymentCollectionStatus, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  cancelOrdersStep,
  cancelPaymentStep,
  deleteReservationsByLineItemsStep,
  emitEventStep,
  refundPaymentsWorkflow,
  updatePaymentCollectionStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { CANCEL_ORDER_FIELDS, planCancels } from "../../../utils/refunds"
import { creditCancelRefundsStep } from "../steps/credit-cancel-refunds"

export type CancelOrdersForRefundInput = { orders: { order_id: string; marker: string }[] }

export type CancelOrdersForRefundResult = {
  /** Canceled now or before. */
  canceled: string[]
  failed: { order_id: string; error: string }[]
}

/**
 * Medusa's cancelOrderWorkflow for many orders in one run, from its own steps: each order's
 * captured payments refunded (one refundPaymentsWorkflow for all), the refunds recorded as credit
 * lines, then the set-based part once for the batch — reservations released (one inventory lock
 * instead of one per order), uncaptured payments voided, payment collections and orders canceled,
 * `order.canceled` emitted per order. Used for the losers of a large group draw and a pre-sale's
 * cancel, where hundreds of orders are canceled at once. An order the checks refuse, or whose
 * refund the provider refused, is not canceled and comes back in `failed`.
 */
export const cancelOrdersForRefundWorkflow = createWorkflow("fission-cancel-orders-for-refund", (input: CancelOrdersForRefundInput) => {
  const ids = transform({ input }, ({ input }) => input.orders.map((o) => o.order_id))
  const { data: orders } = useQueryGraphStep({ entity: "order", fields: CANCEL_ORDER_FIELDS, filters: { id: ids } }).config({
    name: "get-orders-to-cancel",
  })
  const plan = transform({ orders, input }, ({ orders, input }) => planCancels(orders as any, input.orders))
  const refunds = transform({ plan }, ({ plan }) => plan.cancel.flatMap((c) => c.refunds))
  when("fission-cancel-refunds", { refunds }, ({ refunds }) => refunds.length > 0).then(() => {
    refundPaymentsWorkflow.runAsStep({ input: refunds })
  })
  const planned = transform({ plan }, ({ plan }) => plan.cancel)
  const credited = creditCancelRefundsStep(planned)
  const done = transform({ plan, credited }, ({ plan, credited }) => {
    const ok = new Set(credited.order_ids)
    const cancel = plan.cancel.filter((c) => ok.has(c.order_id))
    return {
      order_ids: cancel.map((c) => c.order_id),
      line_item_ids: cancel.flatMap((c) => c.line_item_ids),
      uncaptured_payment_ids: cancel.flatMap((c) => c.uncaptured_payment_ids),
      payment_collection_ids: cancel.flatMap((c) => c.payment_collection_ids),
    }
  })
  when("fission-cancel-orders", { done }, ({ done }) => done.order_ids.length > 0).then(() => {
    const lineItemIds = transform({ done }, ({ done }) => done.line_item_ids)
    const paymentIds = transform({ done }, ({ done }) => done.uncaptured_payment_ids)
    const deletedReservationIds = deleteReservationsByLineItemsStep(lineItemIds)
    cancelPaymentStep({ paymentIds })
    const collections = transform({ done }, ({ done }) => ({
      selector: { id: done.payment_collection_ids },
      update: { status: PaymentCollectionStatus.CANCELED },
    }))
    updatePaymentCollectionStep(collections)
    const orderIds = transform({ done }, ({ done }) => done.order_ids)
    cancelOrdersStep({ orderIds })
    const canceledEvents = transform({ done }, ({ done }) => done.order_ids.map((id) => ({ id })))
    emitEventStep({ eventName: OrderWorkflowEvents.CANCELED, data: canceledEvents }).config({ name: "emit-orders-canceled" })
    const reservationEvents = transform({ deletedReservationIds }, ({ deletedReservationIds }) => (deletedReservationIds ?? []).map((id: string) => ({ id })))
    emitEventStep({ eventName: ReservationItemWorkflowEvents.DELETED, data: reservationEvents }).config({ name: "emit-reservations-deleted" })
  })
  const result = transform({ plan, credited }, ({ plan, credited }): CancelOrdersForRefundResult => ({
    canceled: [...plan.already_canceled, ...credited.order_ids],
    failed: [...plan.refused, ...credited.failed],
  }))
  return new WorkflowResponse(result)
})
