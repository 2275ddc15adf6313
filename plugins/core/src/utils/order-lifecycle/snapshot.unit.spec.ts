import { registerCampaignLineKind } from "../campaign-lines"
import { toFissionOrder } from "./snapshot"

const raw = (overrides: Record<string, unknown> = {}) => ({
  id: "order_1",
  status: "pending",
  customer_id: "cus_1",
  currency_code: "CNY",
  customer: { has_account: true },
  shipping_methods: [{ amount: 10 }],
  items: [
    { id: "li_box", quantity: 2, unit_price: 1288, adjustments: [], tax_lines: [], detail: { return_received_quantity: 1 } },
    {
      id: "li_pkg",
      quantity: 1,
      unit_price: 899,
      adjustments: [{ amount: 89.9 }],
      tax_lines: [],
      metadata: { group_draw_campaign_id: "gdc_1" },
    },
  ],
  payment_collections: [{ payments: [{ id: "pay_1", captured_at: "x", captures: [{ amount: 3395.1 }], refunds: [{ amount: 1288 }] }] }],
  ...overrides,
})

describe("toFissionOrder", () => {
  it("counts a line's adjustments of the order's current version only (query.graph returns every version's copies)", () => {
    const item = { id: "li_dates", quantity: 1, unit_price: 29.9, tax_lines: [], detail: {} }
    const changedOnce = raw({
      items: [{ ...item, adjustments: [{ amount: 20, version: 1 }, { amount: 20, version: 2 }] }],
      payment_collections: [{ payments: [{ id: "pay_1", captures: [{ amount: 19.9 }], refunds: [{ amount: 4.95 }] }] }],
    })
    const order = toFissionOrder(changedOnce)
    expect(order.lines.map((l) => [l.base, l.paid])).toEqual([["9.9", "9.9"]])
    // half the merchandise refunded: half of the line's earnings go back (SPEC §0.4)
    expect(order.reversal.merchandise).toEqual({ numerator: "1", denominator: "2" })
  })


  it("values lines as bought (a returned unit still counts), after discounts, without shipping", () => {
    registerCampaignLineKind({ kind: "group_draw", metadata_key: "group_draw_campaign_id" })
    const order = toFissionOrder(raw(), "cart_1")
    expect(order.lines.map((l) => [l.id, l.base, l.paid, l.returned_quantity])).toEqual([
      ["li_box", "2576", "2576", 1],
      ["li_pkg", "809.1", "809.1", 0],
    ])
    expect(order).toMatchObject({
      merchandise_total: "3385.1",
      shipping_total: "10",
      captured_total: "3395.1",
      refunded_total: "1288",
      paid: true,
      canceled: false,
      registered: true,
      currency_code: "cny",
      cart_id: "cart_1",
    })
    expect(order.lines[1].campaign).toEqual({ kind: "group_draw", campaign_id: "gdc_1" })
    expect(order.lines[0].campaign).toBeNull()
    // the refund of 1,288 pays for the returned box: only that unit is reversed
    expect(order.reversal.lines.li_box).toEqual({ numerator: "1", denominator: "2" })
    expect(order.reversal.lines.li_pkg).toEqual({ numerator: "0", denominator: "1" })
  })

  it("an uncaptured guest order: not paid, not registered", () => {
    const order = toFissionOrder(raw({ customer: { has_account: false }, payment_collections: [{ payments: [{ captures: [] }] }] }))
    expect(order).toMatchObject({ paid: false, registered: false, captured_total: "0", refunded_total: "0" })
  })

  it("refunds to store credit count as refunds: Medusa's negative credit lines and core's own refund requests", () => {
    const order = toFissionOrder(raw({ credit_lines: [{ amount: -100 }, { amount: 30 }] }), null, "188")
    expect(order.refunded_total).toBe("1576")
  })

  it("a canceled order reverses everything", () => {
    const order = toFissionOrder(raw({ status: "canceled" }))
    expect(order.canceled).toBe(true)
    expect(order.reversal.merchandise).toEqual({ numerator: "1", denominator: "1" })
  })
})
