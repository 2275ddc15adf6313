import { computeWithdrawalFee } from "./fee"
import { fromMinor, toMinor } from "@fission/core/utils"

describe("computeWithdrawalFee", () => {
  it("charges nothing at the default rate 0", () => {
    expect(computeWithdrawalFee("30", "0")).toEqual({ amount: "30", fee: "0", net_amount: "30" })
  })

  it("computes amount × rate exactly", () => {
    expect(computeWithdrawalFee("100", "0.006")).toEqual({ amount: "100", fee: "0.6", net_amount: "99.4" })
    expect(computeWithdrawalFee(100, 0.05)).toEqual({ amount: "100", fee: "5", net_amount: "95" })
  })

  it("rounds the fee half-up to the cent", () => {
    expect(computeWithdrawalFee("10.75", "0.02").fee).toBe("0.22") // 0.215
    expect(computeWithdrawalFee("0.84", "0.006").fee).toBe("0.01") // 0.00504
    expect(computeWithdrawalFee("0.83", "0.006").fee).toBe("0") // 0.00498
    expect(computeWithdrawalFee("12.5", "0.1").fee).toBe("1.25")
    expect(computeWithdrawalFee("0.05", "0.1").fee).toBe("0.01") // 0.005
  })

  it("always has fee + net = amount, for every cent amount and many rates", () => {
    for (const rate of ["0", "0.001", "0.006", "0.015", "0.1", "0.333", "0.999"]) {
      for (let cents = 1n; cents <= 5000n; cents += 7n) {
        const b = computeWithdrawalFee(fromMinor(cents), rate)
        expect(toMinor(b.fee) + toMinor(b.net_amount)).toBe(cents)
        expect(toMinor(b.fee) >= 0n).toBe(true)
      }
    }
  })

  it("refuses a rate of 1 or more and amounts with more than 2 decimals", () => {
    expect(() => computeWithdrawalFee("10", "1")).toThrow(/below 1/)
    expect(() => computeWithdrawalFee("10.001", "0")).toThrow(/2 decimals/)
    expect(() => computeWithdrawalFee(0.1 + 0.2, "0")).toThrow(/2 decimals/)
  })
})
