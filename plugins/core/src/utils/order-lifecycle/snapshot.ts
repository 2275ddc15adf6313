import { getLineItemTotals } from "@medusajs/framework/utils"
import { campaignOf, CampaignRef } from "../campaign-lines"
import { floorOf, frac, fromUnits, roundToMinor, fromMinor, toFraction } from "../money"
import { orderReversal, OrderReversal } from "./reversal"

/** One order line as every plugin needs it (amounts are decimal text in the major unit). */
export type FissionOrderLine = {
  id: string
  product_id: string | null
  variant_id: string | null
  title: string | null
  quantity: number
  unit_price: string
  /** Merchandise value: the line's subtotal after discounts, no shipping, no tax (SPEC §2.4 "base"). */
  base: string
  /** What the buyer paid for the line (after discounts, tax included): what refunds are compared with. */
  paid: string
  returned_quantity: number
  metadata: Record<string, unknown> | null
  /** The campaign this line joins (see registerCampaignLineKind), null for an ordinary line. */
  campaign: CampaignRef | null
}

/**
 * An order as the Fission lifecycle events carry it, loaded once by core for every
 * plugin: who bought, what the merchandise is worth, what was captured and
 * refunded, which goods came back, and the cumulative reversal shares (SPEC §0.4).
 */
export type FissionOrder = {
  id: string
  display_id: number | null
  status: string
  customer_id: string | null
  /** A customer with an account (false for a guest checkout, whose customer record Medusa creates from the email). */
  registered: boolean
  email: string | null
  currency_code: string
  cart_id: string | null
  metadata: Record<string, unknown> | null
  created_at: string | null
  /** Σ line base: items after discounts, no shipping, no tax. */
  merchandise_total: string
  /** What the shipping methods cost (informational: refunds reach it only after all merchandise). */
  shipping_total: string
  captured_total: string
  refunded_total: string
  /** Paid = some of the payment is captured (SPEC §0.3). */
  paid: boolean
  canceled: boolean
  lines: FissionOrderLine[]
  reversal: OrderReversal
}

export const FissionOrderEvents = {
  PLACED: "fission.order.placed",
  PAID: "fission.order.paid",
  REFUNDED: "fission.order.refunded",
  RETURNED: "fission.order.returned",
  CANCELED: "fission.order.canceled",
  DELIVERED: "fission.order.delivered",
} as const

export type FissionOrderEventName = (typeof FissionOrderEvents)[keyof typeof FissionOrderEvents]

/** Refunded, returned and canceled: the events after which earnings are reversed to `order.reversal`. */
export const FISSION_ORDER_REVERSAL_EVENTS = [
  FissionOrderEvents.REFUNDED,
  FissionOrderEvents.RETURNED,
  FissionOrderEvents.CANCELED,
] as const

/** The payload of every `fission.order.*` event. */
export type FissionOrderEventData = {
  order: FissionOrder
  /** The Medusa event behind it and the id it carried (payment, return, fulfillment or order id). */
  cause: { event: string; id: string }
}

/**
 * The fields `toFissionOrder` reads: one query.graph of the order. No `total`
 * field on purpose: Medusa's order totals count returned units out of the lines,
 * while earnings and refunds are measured on what was bought, so line values are
 * computed here with Medusa's own line-total rule over the full quantity.
 */
export const FISSION_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "customer_id",
  "email",
  "currency_code",
  "metadata",
  "created_at",
  "canceled_at",
  "customer.has_account",
  "shipping_methods.amount",
  "items.id",
  "items.title",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "items.is_tax_inclusive",
  "items.metadata",
  "items.tax_lines.rate",
  "items.adjustments.amount",
  "items.adjustments.is_tax_inclusive",
  "items.adjustments.version",
  // requesting detail fields makes the order module take the quantity from the detail too
  "items.detail.quantity",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "payment_collections.payments.id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
  // a refund to store credit in Medusa's admin is a negative credit line of the order
  "credit_lines.amount",
]

/**
 * The line's adjustments of the order's current version. Every confirmed order change
 * (a refund's credit line, a return, an edit) copies each line's adjustments into the new
 * version, and query.graph returns the copies of every version side by side: a promotion
 * of 20 on an order changed once came back as two adjustments of 20 and the line was worth
 * nothing to §0.4. Rows without a version (older callers, fixtures) are kept as they are.
 */
export function currentAdjustments<T extends { version?: unknown }>(adjustments: T[]): T[] {
  const versions = adjustments.map((a) => Number(a.version)).filter((v) => Number.isFinite(v))
  if (!versions.length) return adjustments
  const latest = Math.max(...versions)
  return adjustments.filter((a) => a.version === undefined || a.version === null || Number(a.version) === latest)
}

/** A line's value as bought: Medusa's line totals over the full quantity (returns don't lower it). */
function boughtValue(item: any) {
  const totals = getLineItemTotals(
    {
      id: item.id,
      unit_price: item.unit_price ?? 0,
      quantity: item.quantity ?? 0,
      is_tax_inclusive: !!item.is_tax_inclusive,
      tax_lines: list<any>(item.tax_lines).map((t) => ({ rate: t.rate })),
      adjustments: currentAdjustments(list<any>(item.adjustments)).map((a) => ({ amount: a.amount, is_tax_inclusive: !!a.is_tax_inclusive })),
    } as any,
    { includeTax: false }
  )
  const base = frac.max(frac.sub(toFraction(totals.subtotal), toFraction(totals.discount_subtotal)), frac.of(0))
  return { base, paid: frac.max(toFraction(totals.total), frac.of(0)) }
}

const text = (v: unknown) => {
  const f = toFraction(v ?? 0)
  // exact when it terminates within 20 decimals (Medusa keeps 20), which money always does
  return fromUnits(floorOf(frac.mul(f, frac.of(10n ** 20n))), 20)
}
const sum = (values: unknown[]) => values.reduce<ReturnType<typeof toFraction>>((s, v) => frac.add(s, toFraction(v ?? 0)), frac.of(0))
const list = <T>(v: T[] | null | undefined) => (v ?? []).filter(Boolean) as T[]

/**
 * Builds the event payload's order from the query.graph result (pure; unit-tested).
 * `refundedToStoreCredit` is what Fission's own refund requests credited to store
 * credit for the order (they don't go through the payment); Medusa's refunds to store
 * credit are the order's negative credit lines. Both count as refunds for §0.4.
 */
export function toFissionOrder(raw: any, cartId: string | null = null, refundedToStoreCredit: unknown = 0): FissionOrder {
  const payments = list<any>(list<any>(raw.payment_collections).flatMap((c) => c.payments ?? []))
  const captured = sum(payments.flatMap((p) => list<any>(p.captures).map((c) => c.amount)))
  const creditRefunds = list<any>(raw.credit_lines)
    .map((c) => toFraction(c.amount ?? 0))
    .filter((a) => a.n < 0n)
    .map((a) => frac.mul(a, frac.of(-1)))
  const refunded = frac.add(
    sum([...payments.flatMap((p) => list<any>(p.refunds).map((r) => r.amount)), ...creditRefunds]),
    toFraction(refundedToStoreCredit ?? 0)
  )

  const lines: FissionOrderLine[] = list<any>(raw.items).map((i) => {
    const { base, paid } = boughtValue(i)
    const quantity = Number(floorOf(toFraction(i.quantity ?? 0)))
    const returned = Number(
      floorOf(frac.add(toFraction(i.detail?.return_received_quantity ?? 0), toFraction(i.detail?.return_dismissed_quantity ?? 0)))
    )
    return {
      id: i.id,
      product_id: i.product_id ?? null,
      variant_id: i.variant_id ?? null,
      title: i.title ?? null,
      quantity,
      unit_price: text(i.unit_price ?? 0),
      base: text(base),
      paid: text(paid),
      returned_quantity: Math.min(quantity, Math.max(0, returned)),
      metadata: i.metadata ?? null,
      campaign: campaignOf(i),
    }
  })
  const canceled = raw.status === "canceled" || !!raw.canceled_at
  return {
    id: raw.id,
    display_id: raw.display_id ?? null,
    status: raw.status ?? "pending",
    customer_id: raw.customer_id ?? null,
    registered: !!raw.customer?.has_account,
    email: raw.email ?? null,
    currency_code: String(raw.currency_code ?? "").toLowerCase(),
    cart_id: cartId,
    metadata: raw.metadata ?? null,
    created_at: raw.created_at ? new Date(raw.created_at).toISOString() : null,
    merchandise_total: text(sum(lines.map((l) => l.base))),
    shipping_total: text(sum(list<any>(raw.shipping_methods).map((m) => m.amount))),
    captured_total: text(captured),
    refunded_total: text(refunded),
    paid: captured.n > 0n,
    canceled,
    lines,
    reversal: orderReversal({
      lines: lines.map((l) => ({ id: l.id, quantity: l.quantity, paid: l.paid, returned_quantity: l.returned_quantity })),
      refunded,
      canceled,
    }),
  }
}

/** A money amount of the payload rounded to the minor unit (e.g. for a ledger posting). */
export const toMoney = (value: unknown) => fromMinor(roundToMinor(value))
