/**
 * Order facts the order-driven tasks need (SPEC §6.4), as pure functions over
 * a customer's orders. "Paid" = captured (SPEC §0.3) and not canceled.
 */

export type OrderFacts = {
  id: string
  created_at: Date | string
  status?: string | null
  product_ids: string[]
  payment_collections: { status?: string | null; captured_amount?: unknown }[]
}

/** Same test as core's isOrderCaptured, on an order already read. */
export function isPaidOrder(order: OrderFacts): boolean {
  if (order.status === "canceled") return false
  return order.payment_collections.some(
    (c) => ["completed", "partially_captured"].includes(c?.status ?? "") || Number(c?.captured_amount ?? 0) > 0
  )
}

const placed = (o: OrderFacts) => new Date(o.created_at).getTime()

/** The latest paid order placed before `order` (ties broken by id), or null. */
export function previousPaidOrder(orders: OrderFacts[], order: OrderFacts): OrderFacts | null {
  const earlier = orders
    .filter((o) => o.id !== order.id && isPaidOrder(o))
    .filter((o) => placed(o) < placed(order) || (placed(o) === placed(order) && o.id < order.id))
    .sort((a, b) => placed(b) - placed(a) || (a.id < b.id ? 1 : -1))
  return earlier[0] ?? null
}

/** The first paid order containing the product, or null (the shopper must have bought it). */
export function paidOrderWithProduct(orders: OrderFacts[], product_id: string): OrderFacts | null {
  return orders.filter((o) => isPaidOrder(o) && o.product_ids.includes(product_id)).sort((a, b) => placed(a) - placed(b))[0] ?? null
}
