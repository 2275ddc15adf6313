import { payoutProviderRegistry } from "./payout-providers"
import { checkWithdrawalRequest, withdrawalConflictMessage, WithdrawalRuleError } from "./rules"

const settings = { min_amount: "10", fee_rate: "0", daily_limit: 3 }

const ruleError = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (e instanceof WithdrawalRuleError) return { field: e.field, message: e.message }
    throw e
  }
  throw new Error("expected a rule error")
}

describe("checkWithdrawalRequest", () => {
  it("accepts the minimum and returns the breakdown", () => {
    expect(checkWithdrawalRequest({ amount: 10, method: "manual" }, settings)).toEqual({ amount: "10", fee: "0", net_amount: "10" })
    expect(checkWithdrawalRequest({ amount: "30.5", method: "alipay", account: "a@b.cn" }, { ...settings, fee_rate: "0.01" })).toEqual({
      amount: "30.5",
      fee: "0.31",
      net_amount: "30.19",
    })
  })

  it("names the field at fault", () => {
    expect(ruleError(() => checkWithdrawalRequest({ amount: "9.99", method: "manual" }, settings))).toEqual({
      field: "amount",
      message: "amount must be at least the minimum withdrawal of 10",
    })
    expect(ruleError(() => checkWithdrawalRequest({ amount: "0", method: "manual" }, settings)).field).toBe("amount")
    expect(ruleError(() => checkWithdrawalRequest({ amount: "10.001", method: "manual" }, settings)).field).toBe("amount")
    expect(ruleError(() => checkWithdrawalRequest({ amount: 20, method: "paypal", account: "x" }, settings))).toEqual({
      field: "method",
      message: "method must be one of bank_transfer, alipay, wechat, manual",
    })
    for (const account of [undefined, null, "", "   "]) {
      expect(ruleError(() => checkWithdrawalRequest({ amount: 20, method: "bank_transfer", account }, settings))).toEqual({
        field: "account",
        message: "account is required for method bank_transfer",
      })
    }
  })

  it("refuses an amount the fee would eat entirely", () => {
    expect(ruleError(() => checkWithdrawalRequest({ amount: "0.01", method: "manual" }, { ...settings, min_amount: "0", fee_rate: "0.5" })))
      .toEqual({ field: "amount", message: "amount 0.01 leaves nothing to pay out after the fee of 0.01" })
  })
})

describe("withdrawal transitions and providers", () => {
  it("names the current status in conflicts", () => {
    expect(withdrawalConflictMessage("wdr_1", "paid", "reject")).toBe(
      "Withdrawal wdr_1 is paid; only requested or approved withdrawals can be rejected"
    )
    expect(withdrawalConflictMessage("wdr_1", "requested", "mark_paid")).toBe(
      "Withdrawal wdr_1 is requested; only approved withdrawals can be marked paid"
    )
  })

  it("has a manual provider that records the admin's reference, plus configured ones", async () => {
    const registry = payoutProviderRegistry([{ id: "bank", payout: async () => ({ reference: "B-1" }) }])
    const w = { id: "wdr_1", customer_id: "cus_1", amount: "10", fee: "0", net_amount: "10", currency_code: "cny", method: "manual", account: null }
    expect(await registry.get("manual")!.payout({ ...w, reference: " TX-9 " })).toEqual({ reference: "TX-9" })
    expect(() => registry.get("manual")!.payout(w)).toThrow(/reference is required/)
    expect(await registry.get("bank")!.payout(w)).toEqual({ reference: "B-1" })
    expect(() => payoutProviderRegistry([{ id: "broken" }])).toThrow(/payout function/)
    expect([...payoutProviderRegistry(undefined).keys()]).toEqual(["manual"])
  })
})
