import { equalSplit, fromMinor, isMoney, shoppingFundOf, toMinor } from "./money"

describe("group-draw money", () => {
  it("parses major units exactly", () => {
    expect(toMinor(99)).toBe(9900n)
    expect(toMinor("10.5")).toBe(1050n)
    expect(toMinor(0.1 + 0.2 - 0.3 + 29.9)).toBe(2990n)
    expect(fromMinor(1234n)).toBe("12.34")
    expect(fromMinor(5n)).toBe("0.05")
    expect(isMoney("1.234")).toBe(false)
    expect(isMoney("abc")).toBe(false)
  })

  it("splits equally with the remainder on the last share", () => {
    const shares = equalSplit(1000n, 3)
    expect(shares).toEqual([333n, 333n, 334n])
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(1000n)
  })

  it("computes the winner shopping fund rounded down", () => {
    expect(shoppingFundOf(9900n, "0.1")).toBe(990n)
    expect(shoppingFundOf(2990n, "0.333333")).toBe(996n)
  })
})
