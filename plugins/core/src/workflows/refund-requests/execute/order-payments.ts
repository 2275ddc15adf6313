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

/** The order's status and its payments with captures and refunds (oldest payment first). */
export async function orderPayments(container: MedusaContainer, orderId: string): Promise<OrderPayments> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
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
    ],
    filters: { id: orderId },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  const payments = ((order as any).payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter(Boolean)
    .map((p: any) => ({ ...p, captures: (p.captures ?? []).filter(Boolean), refunds: (p.refunds ?? []).filter(Boolean) }))
    .sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  return { ...(order as any), payments }
}
