import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules, OrderChangeStatus, OrderChangeType } from "@medusajs/framework/utils"
import { sumAmounts } from "../../../utils/refunds"
import { addRefundCreditLines } from "./refund-credit-lines"

/** The `created_by` of the refunds a request's cancel makes: how a later attempt finds what an earlier one did. */
export const cancelMarker = (requestId: string) => `fission_refund_request:${requestId}`


/**
 * Mends what an attempt that died inside Medusa's cancelOrderWorkflow (a killed worker) left:
 * cancelOrderWorkflow refunds the captured payment, then records the refund as a credit line
 * through an order change it creates and confirms. Dying in between leaves either that change
 * pending, which makes Medusa refuse every later cancel of the order ("already has an existing
 * active order change"), or no credit line at all for a refund that was made, which the next
 * cancel would not add (it credits only what it refunds itself).
 *
 * The caller holds the order's refund lock and this is a retry, so no attempt of ours is alive:
 * a pending credit-line change is the dead one's. With its action it is confirmed (the refund it
 * records was made before it was created), without one it is canceled. Then whatever the dead
 * attempt refunded (refunds carrying the request's marker) that no credit line created since
 * covers gets its credit line, so the order ends as a clean cancel would leave it.
 */
export async function finishDeadCancel(container: MedusaContainer, orderId: string, requestId: string) {
  const orderModule = container.resolve(Modules.ORDER)
  const changes = (await orderModule.listOrderChanges({ order_id: orderId }, { relations: ["actions"] })).filter(
    (c) => (c.change_type as string) === OrderChangeType.CREDIT_LINE
  )
  const confirmed = changes.filter((c) => c.status === OrderChangeStatus.CONFIRMED)
  for (const change of changes.filter((c) => c.status === OrderChangeStatus.PENDING || c.status === OrderChangeStatus.REQUESTED)) {
    if (change.actions?.length) {
      await orderModule.confirmOrderChange({ id: change.id, confirmed_by: cancelMarker(requestId) })
      confirmed.push(change)
    } else await orderModule.cancelOrderChange({ id: change.id, canceled_by: cancelMarker(requestId) })
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.id",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.raw_amount",
      "payment_collections.payments.refunds.created_by",
      "payment_collections.payments.refunds.created_at",
    ],
    filters: { id: orderId },
  })
  const refunds = [
    ...new Map<string, any>(
      ((order as any)?.payment_collections ?? [])
        .flatMap((c: any) => c?.payments ?? [])
        .flatMap((p: any) => p?.refunds ?? [])
        .filter((r: any) => r?.created_by === cancelMarker(requestId))
        .map((r: any) => [r.id, r])
    ).values(),
  ]
  if (!refunds.length) return
  // credit lines are copied into every new order version, so what credits the dead attempt's
  // refunds is read from the credit-line order changes made since the first of them
  const since = Math.min(...refunds.map((r: any) => new Date(r.created_at).getTime()))
  const credited = sumAmounts(confirmed.filter((c) => new Date(c.created_at).getTime() >= since).flatMap((c) => (c.actions ?? []) as { amount?: unknown; raw_amount?: unknown }[]))
  const missing = MathBN.sub(sumAmounts(refunds), credited)
  if (MathBN.lte(missing, 0)) return
  await addRefundCreditLines(container, [
    { order_id: orderId, marker: cancelMarker(requestId), amount: missing.toString(), payment_collection_id: (order as any).payment_collections?.[0]?.id },
  ])
}
