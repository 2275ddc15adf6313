import { MathBN } from "@medusajs/framework/utils"
import { sumAmounts as sum } from "./allocate"

type Amount = { raw_amount?: unknown; amount?: unknown }

/** What cancelOrderWorkflow reads of an order, for many orders at once (CANCEL_ORDER_FIELDS). */
export type CancelableOrder = {
  id: string
  status: string
  items?: ({ id: string } | null)[] | null
  fulfillments?: ({ canceled_at: string | Date | null } | null)[] | null
  payment_collections?:
    | ({
        id: string
        payments?: ({ id: string; captures?: (Amount | null)[] | null; refunds?: ((Amount & { created_by?: string | null }) | null)[] | null } | null)[] | null
      } | null)[]
    | null
}

export const CANCEL_ORDER_FIELDS = [
  "id",
  "status",
  "items.id",
  "fulfillments.canceled_at",
  "payment_collections.id",
  "payment_collections.payments.id",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.raw_amount",
  "payment_collections.payments.refunds.id",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.raw_amount",
  "payment_collections.payments.refunds.created_by",
]

export type PlannedCancel = {
  order_id: string
  /** The refunds' `created_by`: tells this cancel's refunds from any other (see finishDeadCancel). */
  marker: string
  /** captured − refunded of every captured payment, as cancelOrderWorkflow refunds it. */
  refunds: { payment_id: string; amount: string; created_by: string }[]
  /** What refunds carrying `marker` already held before this cancel (a credit line covers only the new ones). */
  marked_before: string
  uncaptured_payment_ids: string[]
  line_item_ids: string[]
  payment_collection_ids: string[]
}

export type CancelPlan = {
  cancel: PlannedCancel[]
  already_canceled: string[]
  refused: { order_id: string; error: string }[]
}

const present = <T>(xs: (T | null | undefined)[] | null | undefined): T[] => (xs ?? []).filter((x): x is T => !!x)

/**
 * Medusa's cancelOrderWorkflow, decided for many orders at once: the same checks (a completed
 * order or one with a live fulfillment is refused, with Medusa's words) and the same money (every
 * captured payment refunded what is still captured, an uncaptured one voided). An order already
 * canceled needs nothing. Pure.
 */
export function planCancels(orders: CancelableOrder[], wanted: { order_id: string; marker: string }[]): CancelPlan {
  const byId = new Map(orders.filter(Boolean).map((o) => [o.id, o]))
  const plan: CancelPlan = { cancel: [], already_canceled: [], refused: [] }
  for (const { order_id, marker } of wanted) {
    const order = byId.get(order_id)
    if (!order) {
      plan.refused.push({ order_id, error: `Order with id: ${order_id} was not found` })
      continue
    }
    if (order.status === "canceled") {
      plan.already_canceled.push(order_id)
      continue
    }
    if (order.status === "completed") {
      plan.refused.push({ order_id, error: "Cannot cancel a completed order. Please use the return process to handle refunds or exchanges." })
      continue
    }
    if (present(order.fulfillments).some((f) => !f.canceled_at)) {
      plan.refused.push({ order_id, error: "All fulfillments must be canceled before canceling an order" })
      continue
    }
    const collections = present(order.payment_collections)
    const payments = collections.flatMap((c) => present(c.payments))
    const refunds: PlannedCancel["refunds"] = []
    const uncaptured: string[] = []
    for (const p of payments) {
      const captures = present(p.captures)
      if (!captures.length) {
        uncaptured.push(p.id)
        continue
      }
      const left = MathBN.sub(sum(captures), sum(present(p.refunds)))
      if (MathBN.gt(left, 0)) refunds.push({ payment_id: p.id, amount: left.toString(), created_by: marker })
    }
    const marked = payments.flatMap((p) => present(p.refunds)).filter((r) => r.created_by === marker)
    plan.cancel.push({
      order_id,
      marker,
      refunds,
      marked_before: sum(marked).toString(),
      uncaptured_payment_ids: uncaptured,
      line_item_ids: present(order.items).map((i) => i.id),
      payment_collection_ids: collections.map((c) => c.id),
    })
  }
  return plan
}

/**
 * After the refunds: what each planned cancel got back (refunds carrying its marker, less those
 * that were there before). A shortfall (the provider refused a refund: Medusa's refund step only
 * logs it) is a failure for that order; the rest is what its credit line must record.
 */
export function checkCancelRefunds(plan: PlannedCancel[], orders: CancelableOrder[]) {
  const byId = new Map(orders.filter(Boolean).map((o) => [o.id, o]))
  const credited: { order_id: string; marker: string; amount: string; payment_collection_id: string | undefined }[] = []
  const failed: { order_id: string; error: string }[] = []
  for (const c of plan) {
    const payments = present(byId.get(c.order_id)?.payment_collections).flatMap((pc) => present(pc.payments))
    const marked = sum(payments.flatMap((p) => present(p.refunds)).filter((r) => r.created_by === c.marker))
    const got = MathBN.sub(marked, c.marked_before)
    const wanted = sum(c.refunds)
    if (MathBN.lt(got, wanted)) {
      failed.push({ order_id: c.order_id, error: `the payment provider refunded ${got.toString()} of ${wanted.toString()}; the order was not canceled` })
      continue
    }
    credited.push({ order_id: c.order_id, marker: c.marker, amount: got.toString(), payment_collection_id: c.payment_collection_ids[0] })
  }
  return { credited, failed }
}
