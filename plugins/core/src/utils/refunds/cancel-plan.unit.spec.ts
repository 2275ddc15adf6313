import { checkCancelRefunds, planCancels } from "./cancel-plan"

const order = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  status: "pending",
  items: [{ id: `${id}_item` }],
  fulfillments: [],
  payment_collections: [
    {
      id: `${id}_pc`,
      payments: [{ id: `${id}_pay`, captures: [{ amount: 109 }], refunds: [{ amount: "10.5", created_by: null }] }],
    },
  ],
  ...over,
})

describe("planCancels", () => {
  it("refunds what is still captured per payment, voids uncaptured ones, and decides each order as cancelOrderWorkflow would", () => {
    const plan = planCancels(
      [
        order("o1"),
        order("o2", { status: "canceled" }),
        order("o3", { status: "completed" }),
        order("o4", { fulfillments: [{ canceled_at: null }] }),
        order("o5", { payment_collections: [{ id: "o5_pc", payments: [{ id: "o5_pay", captures: [], refunds: [] }] }] }),
        order("o6", {
          payment_collections: [
            { id: "o6_pc", payments: [{ id: "o6_pay", captures: [{ amount: 50 }], refunds: [{ amount: 20, created_by: "m6" }, { amount: 30 }] }] },
          ],
        }),
      ],
      ["o1", "o2", "o3", "o4", "o5", "o6", "o7"].map((id) => ({ order_id: id, marker: `m${id.slice(1)}` }))
    )
    expect(plan.already_canceled).toEqual(["o2"])
    expect(plan.refused).toEqual([
      { order_id: "o3", error: expect.stringMatching(/completed order/) },
      { order_id: "o4", error: "All fulfillments must be canceled before canceling an order" },
      { order_id: "o7", error: "Order with id: o7 was not found" },
    ])
    expect(plan.cancel).toEqual([
      {
        order_id: "o1",
        marker: "m1",
        refunds: [{ payment_id: "o1_pay", amount: "98.5", created_by: "m1" }],
        marked_before: "0",
        uncaptured_payment_ids: [],
        line_item_ids: ["o1_item"],
        payment_collection_ids: ["o1_pc"],
      },
      expect.objectContaining({ order_id: "o5", refunds: [], uncaptured_payment_ids: ["o5_pay"] }),
      // fully refunded already (20 of it by an earlier attempt of this cancel): nothing left to refund
      expect.objectContaining({ order_id: "o6", refunds: [], marked_before: "20" }),
    ])
  })
})

describe("checkCancelRefunds", () => {
  it("credits what each cancel's own refunds brought, and fails an order whose refund fell short", () => {
    const before = planCancels([order("o1"), order("o2")], [
      { order_id: "o1", marker: "m1" },
      { order_id: "o2", marker: "m2" },
    ]).cancel
    const after = [
      order("o1", { payment_collections: [{ id: "o1_pc", payments: [{ id: "o1_pay", captures: [{ amount: 109 }], refunds: [{ amount: "10.5" }, { amount: "98.5", created_by: "m1" }] }] }] }),
      order("o2"), // the provider refused: Medusa's refund step only logged it
    ]
    expect(checkCancelRefunds(before, after as any)).toEqual({
      credited: [{ order_id: "o1", marker: "m1", amount: "98.5", payment_collection_id: "o1_pc" }],
      failed: [{ order_id: "o2", error: "the payment provider refunded 0 of 98.5; the order was not canceled" }],
    })
  })
})
