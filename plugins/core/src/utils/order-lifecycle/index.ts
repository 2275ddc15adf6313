import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Medusa's lifecycle events carry payment, fulfillment or return ids; Fission's
 * rewards are keyed by order. Shared by every plugin's subscribers.
 */
export async function orderOfPayment(container: MedusaContainer, paymentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["id", "amount", "captured_at", "refunds.id", "refunds.amount", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  return payment
    ? {
        order_id: (payment as any).payment_collection?.order?.id as string | undefined,
        paid_total: String(payment.amount),
        refunds: ((payment as any).refunds ?? []).map((r: any) => ({ id: r.id as string, amount: String(r.amount) })),
      }
    : null
}

export async function orderOfFulfillment(container: MedusaContainer, fulfillmentId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [fulfillment],
  } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id: fulfillmentId } })
  return (fulfillment as any)?.order?.id as string | undefined
}

export async function isOrderCaptured(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.status", "payment_collections.captured_amount"],
    filters: { id: orderId },
  })
  // payment_status is computed, not stored: read the collections themselves
  return ((order as any)?.payment_collections ?? []).some((c: any) =>
    ["completed", "partially_captured"].includes(c?.status) || Number(c?.captured_amount ?? 0) > 0
  )
}

export async function returnedItems(container: MedusaContainer, returnId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [ret],
  } = await query.graph({ entity: "return", fields: ["id", "items.item_id", "items.received_quantity"], filters: { id: returnId } })
  return ((ret as any)?.items ?? [])
    .filter((i: any) => Number(i.received_quantity) > 0)
    .map((i: any) => ({ line_item_id: i.item_id as string, quantity: Number(i.received_quantity) }))
}
