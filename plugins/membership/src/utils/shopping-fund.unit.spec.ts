import { shoppingFundRelease } from "./shopping-fund"

describe("shoppingFundRelease", () => {
  it("releases the rate of the available fund, rounded down to the cent", () => {
    expect(shoppingFundRelease("100", "0.01")).toBe("1.00")
    expect(shoppingFundRelease("99", "0.01")).toBe("0.99")
    expect(shoppingFundRelease(98.01, 0.01)).toBe("0.98")
    expect(shoppingFundRelease("123.45", "0.05")).toBe("6.17")
  })

  it("releases at least a cent while a cent is available, never more than available", () => {
    expect(shoppingFundRelease("0.5", "0.01")).toBe("0.01")
    expect(shoppingFundRelease("0.01", "0.01")).toBe("0.01")
    expect(shoppingFundRelease("0.02", "1")).toBe("0.02")
  })

  it("releases nothing without a cent or with a zero rate", () => {
    expect(shoppingFundRelease("0", "0.01")).toBeNull()
    expect(shoppingFundRelease("0.009", "0.01")).toBeNull()
    expect(shoppingFundRelease("100", "0")).toBeNull()
  })
})
