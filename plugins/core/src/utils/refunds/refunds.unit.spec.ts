import { allocateRefund, isRefundOf, nextAttemptAt, refundablePayments, refundNote, refundsOfRequest, REFUND_RETRY } from "./index"

const at = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 1000 : null)
const now = new Date("2026-12-01T00:00:00Z")

describe("nextAttemptAt", () => {
  it("waits 2, 4, 8 … minutes, capped at an hour, and gives up after max_attempts", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => at(nextAttemptAt(n, now)))).toEqual([120, 240, 480, 960, 1920, 3600, 3600])
    expect(nextAttemptAt(REFUND_RETRY.max_attempts, now)).toBeNull()
    expect(nextAttemptAt(REFUND_RETRY.max_attempts - 1, now)).not.toBeNull()
    expect(at(nextAttemptAt(1, now, { base_seconds: 10, max_seconds: 15, max_attempts: 3 }))).toBe(10)
    expect(at(nextAttemptAt(2, now, { base_seconds: 10, max_seconds: 15, max_attempts: 3 }))).toBe(15)
    expect(nextAttemptAt(3, now, { base_seconds: 10, max_seconds: 15, max_attempts: 3 })).toBeNull()
  })
})

describe("allocateRefund", () => {
  it("takes from the oldest payment first, never more than its refundable amount, exactly", () => {
    const { allocations, shortfall } = allocateRefund("150.10", [
      { id: "pay_1", refundable: "100.05" },
      { id: "pay_2", refundable: 0 },
      { id: "pay_3", refundable: "80" },
    ])
    expect(allocations).toEqual([
      { payment_id: "pay_1", amount: "100.05" },
      { payment_id: "pay_3", amount: "50.05" },
    ])
    expect(shortfall).toBe("0")
  })

  it("reports the shortfall when the payments cannot cover the amount", () => {
    expect(allocateRefund(10, [{ id: "pay_1", refundable: "9.99" }]).shortfall).toBe("0.01")
    expect(allocateRefund(10, []).shortfall).toBe("10")
  })

  it("0.1 + 0.2 style amounts stay exact", () => {
    const { allocations } = allocateRefund("0.3", [
      { id: "a", refundable: "0.1" },
      { id: "b", refundable: "0.2" },
    ])
    expect(allocations.map((a) => a.amount)).toEqual(["0.1", "0.2"])
  })
})

describe("refunds of a request", () => {
  const payments = [
    {
      id: "pay_1",
      captures: [{ raw_amount: { value: "109", precision: 20 } as any }],
      refunds: [
        { id: "ref_a", amount: 5, metadata: { fission_refund_request_id: "frr_1" } },
        { id: "ref_b", amount: 3, note: refundNote("frr_1", "presale:x:step:2") },
        { id: "ref_c", amount: 7, note: "manual refund by the admin" },
      ],
    },
  ]

  it("finds a request's earlier refunds by metadata or note, so a retry after a crash refunds only the rest", () => {
    expect(refundsOfRequest(payments, "frr_1")).toEqual({
      refunds: [
        { id: "ref_a", amount: "5" },
        { id: "ref_b", amount: "3" },
      ],
      total: "8",
    })
    expect(refundsOfRequest(payments, "frr_2").total).toBe("0")
    expect(isRefundOf({ id: "r", note: null, metadata: null }, "frr_1")).toBe(false)
  })

  it("refundable = captured − every refund, whoever made it", () => {
    expect(refundablePayments(payments)).toEqual([{ id: "pay_1", refundable: "94" }])
  })
})
