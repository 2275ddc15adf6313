import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type OrderPayments = {
  id: string
  status: string
  customer_id: string | null
  currency_code: string
  payments: {
    id: string
    created_at: string | Date
    canceled_at: string | Date | null
    captures: { raw_amount: any; amount: any }[]
    refunds: { id: string; raw_amount: any; amount: any; note: string | null; metadata: Record<string, unknown> | null }[]
  }[]
}

const FIELDS = [
  "id",
  "status",
  "customer_id",
  "currency_code",
  "payment_collections.payments.id",
  "payment_collections.payments.created_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.raw_amount",
  "payment_collections.payments.refunds.id",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.raw_amount",
  "payment_collections.payments.refunds.note",
  "payment_collections.payments.refunds.metadata",
]

const shape = (order: any): OrderPayments => {
  const payments = (order.payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter(Boolean)
    .map((p: any) => ({ ...p, captures: (p.captures ?? []).filter(Boolean), refunds: (p.refunds ?? []).filter(Boolean) }))
    .sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  return { ...order, payments }
}

/** Several orders' payments (orderPayments of each, in one query); an order not found is left out. */
export async function ordersPayments(container: MedusaContainer, orderIds: string[]): Promise<Map<string, OrderPayments>> {
  if (!orderIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderIds } })
  return new Map(data.filter(Boolean).map((o: any) => [o.id, shape(o)]))
}

/** The order's status and its payments with captures and refunds (oldest payment first). */
export async function orderPayments(container: MedusaContainer, orderId: string): Promise<OrderPayments> {
  const order = (await ordersPayments(container, [orderId])).get(orderId)
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  return order
}
