import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OrderFacts } from "./task-orders"

// enough history for "previous order" and "bought this product"; older orders do not decide a task
const ORDER_HISTORY = 200

const toFacts = (o: any): OrderFacts => ({
  id: o.id,
  created_at: o.created_at,
  status: o.status,
  product_ids: [...new Set(((o.items ?? []) as any[]).map((i) => i?.product_id).filter(Boolean) as string[])],
  payment_collections: o.payment_collections ?? [],
})

const ORDER_FIELDS = ["id", "customer_id", "created_at", "status", "items.product_id", "payment_collections.status", "payment_collections.captured_amount"]

/** One order with its customer, or null. */
export async function orderFacts(container: MedusaContainer, order_id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
  return order ? { ...toFacts(order), customer_id: (order as any).customer_id as string | null } : null
}

/** The customer's most recent orders. */
export async function ordersOf(container: MedusaContainer, customer_id: string): Promise<OrderFacts[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { customer_id },
    pagination: { take: ORDER_HISTORY, order: { created_at: "DESC" } },
  })
  return data.map(toFacts)
}

/** The profile fields complete_profile looks at, or null for an unknown customer. */
export async function customerProfile(container: MedusaContainer, customer_id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "created_at", "first_name", "last_name", "phone", "email", "company_name", "has_account", "addresses.id"],
    filters: { id: customer_id },
  })
  return (customer as any) ?? null
}
