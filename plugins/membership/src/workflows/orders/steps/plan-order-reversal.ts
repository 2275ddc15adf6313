import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { reversalTarget } from "../../../utils"

export type OrderReversalCause = { order_id: string; cause: "refund" | "return" | "cancel"; cause_id: string }

type Reversal = {
  idempotency_key: string
  reversal_key: string
  amount: string
  on_shortfall: "debt"
  reason: string
  source_type: string
  source_id: string
}

/**
 * Plans the reversal of an order's points and growth (SPEC §0.4). The total to
 * have reversed is the larger of the refunded share of the payment and the
 * returned share of the goods (so a return refunded through the payment is not
 * counted twice), everything on cancel; what is posted is that target minus what
 * the ledger already reversed, under a key per refund/return id. Callers hold the
 * order's lock, so concurrent events cannot both post the same delta.
 */
export const planOrderReversalStep = createStep(
  "fission-membership-plan-order-reversal",
  async (input: OrderReversalCause, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const [record] = await service.listMembershipOrders({ order_id: input.order_id })
    const empty = { customer_id: record?.customer_id ?? null, reversals: [] as Reversal[], void_points: false, points_key: null as string | null }
    // a canceled order's points were voided or reversed in full: nothing is left to take back
    if (!record || record.status === "canceled") return new StepResponse(empty)

    let share: { part: string; whole: string } = { part: "1", whole: "1" }
    if (input.cause !== "cancel") share = await refundedOrReturnedShare(container, input.order_id, record)

    const reversals: Reversal[] = []
    const voidPoints = input.cause === "cancel" && record.status === "pending"
    for (const [asset, key, earned] of [
      ["points", record.points_key, Number(record.points)],
      ["growth", record.growth_key, Number(record.growth)],
    ] as const) {
      if (!key || earned <= 0 || (asset === "points" && voidPoints)) continue
      const [original] = await ledger.listLedgerPostings({ idempotency_key: key }, { select: ["id"] })
      if (!original) continue
      const done = await ledger.listLedgerPostings(
        { reverses_posting_id: original.id, status: ["pending", "posted"] },
        { select: ["amount"] }
      )
      const already = done.reduce((sum, p: any) => sum + Number(p.amount), 0)
      const delta = reversalTarget(earned, share.part, share.whole) - already
      if (delta <= 0) continue
      reversals.push({
        idempotency_key: key,
        reversal_key: `${key}:${input.cause}:${input.cause_id}`,
        amount: String(delta),
        on_shortfall: "debt",
        reason: `${asset}.order_${input.cause}`,
        source_type: "order",
        source_id: input.order_id,
      })
    }
    return new StepResponse({ customer_id: record.customer_id, reversals, void_points: voidPoints, points_key: record.points_key as string | null })
  }
)

/** max(refunded / paid, returned goods value / goods value), as a fraction. */
async function refundedOrReturnedShare(container: any, order_id: string, record: any) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.refunds.amount",
      "returns.items.item_id",
      "returns.items.received_quantity",
    ],
    filters: { id: order_id },
  })
  const payments = ((order as any)?.payment_collections ?? []).flatMap((c: any) => c?.payments ?? []).filter(Boolean)
  const paid = payments.filter((p: any) => p.captured_at).reduce((s: any, p: any) => MathBN.add(s, p.amount), MathBN.convert(0))
  const refunded = payments
    .flatMap((p: any) => p.refunds ?? [])
    .filter(Boolean)
    .reduce((s: any, r: any) => MathBN.add(s, r.amount), MathBN.convert(0))

  const lines: { line_item_id: string; quantity: number; base: string }[] = record.lines ?? []
  const received = new Map<string, number>()
  for (const ret of ((order as any)?.returns ?? []).filter(Boolean)) {
    for (const i of (ret.items ?? []).filter(Boolean)) {
      received.set(i.item_id, (received.get(i.item_id) ?? 0) + Number(i.received_quantity ?? 0))
    }
  }
  let returned = MathBN.convert(0)
  for (const l of lines) {
    const q = Math.min(received.get(l.line_item_id) ?? 0, l.quantity)
    if (q > 0 && l.quantity > 0) returned = MathBN.add(returned, MathBN.div(MathBN.mult(l.base, q), l.quantity))
  }
  const refundShare = MathBN.gt(paid, 0) ? MathBN.div(refunded, paid) : MathBN.convert(0)
  const returnShare = MathBN.gt(record.base_total, 0) ? MathBN.div(returned, record.base_total) : MathBN.convert(0)
  // compare as fractions of 1 but hand back an exact part/whole for the larger one
  return MathBN.gte(refundShare, returnShare)
    ? { part: refunded.toFixed(), whole: MathBN.gt(paid, 0) ? paid.toFixed() : "1" }
    : { part: returned.toFixed(), whole: String(record.base_total) }
}
