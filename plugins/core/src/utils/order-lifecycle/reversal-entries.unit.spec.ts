import { orderReversal } from "./reversal"
import { reversalEntriesFor } from "./reversal-entries"

const earning = (posting_key: string, amount: string, share: { numerator: string; denominator: string }, as_of: string | null = "1") => ({
  posting_key,
  amount,
  digits: 2,
  share,
  reason: "commission.order_refund",
  as_of: as_of ?? undefined,
})

describe("reversalEntriesFor (SPEC §0.4)", () => {
  it("names each target in the key and lets the ledger give back what a lower target no longer reverses", () => {
    const r = orderReversal({ lines: [{ id: "A", quantity: 1, paid: 100 }, { id: "B", quantity: 1, paid: 100 }], refunded: 100 })
    expect(reversalEntriesFor([earning("k:A", "10", r.lines.A), earning("k:B", "10", r.lines.B)])).toEqual([
      expect.objectContaining({ idempotency_key: "k:A", reversal_key: "k:A:reversed-to:5", to_total: "5", reinstate: true, on_shortfall: "debt" }),
      expect.objectContaining({ idempotency_key: "k:B", reversal_key: "k:B:reversed-to:5", to_total: "5", reinstate: true }),
    ])
  })

  it("keeps a target of 0 as an entry (it gives back whatever a refund reversed before A was returned)", () => {
    const r = orderReversal({
      lines: [{ id: "A", quantity: 1, paid: 100, returned_quantity: 1 }, { id: "B", quantity: 1, paid: 100 }],
      refunded: 100,
    })
    const entries = reversalEntriesFor([earning("k:A", "10", r.lines.A), earning("k:B", "10", r.lines.B)])
    expect(entries.map((e) => [e.reversal_key, e.to_total])).toEqual([
      ["k:A:reversed-to:10", "10"],
      ["k:B:reversed-to:0", "0"],
    ])
  })

  it("without the order state's as_of, reversals only grow: no reinstatement, a target of 0 is no entry", () => {
    const r = orderReversal({
      lines: [{ id: "A", quantity: 1, paid: 100, returned_quantity: 1 }, { id: "B", quantity: 1, paid: 100 }],
      refunded: 100,
    })
    const entries = reversalEntriesFor([earning("k:A", "10", r.lines.A, null), earning("k:B", "10", r.lines.B, null)])
    expect(entries).toEqual([expect.objectContaining({ reversal_key: "k:A:reversed-to:10", to_total: "10" })])
    expect(entries[0]).not.toHaveProperty("reinstate")
  })

  it("the order's as_of grows along its history: refunds, then returns, then the cancel", () => {
    const lines = (returned: number) => [{ id: "A", quantity: 2, paid: 100, returned_quantity: returned }]
    const states = [
      orderReversal({ lines: lines(0), refunded: 0 }),
      orderReversal({ lines: lines(0), refunded: 0.01 }),
      orderReversal({ lines: lines(0), refunded: 99.99 }),
      orderReversal({ lines: lines(1), refunded: 0 }),
      orderReversal({ lines: lines(1), refunded: 50 }),
      orderReversal({ lines: lines(2), refunded: 100 }),
      orderReversal({ lines: lines(0), refunded: 0, canceled: true }),
    ].map((s) => BigInt(s.as_of))
    for (let i = 1; i < states.length; i++) expect(states[i] > states[i - 1]).toBe(true)
  })

  it("passes the cause through when given", () => {
    const [e] = reversalEntriesFor([{ ...earning("k", "1", { numerator: "1", denominator: "1" }), source_type: "order", source_id: "order_1" }])
    expect([e.source_type, e.source_id, e.to_total]).toEqual(["order", "order_1", "1"])
  })
})
