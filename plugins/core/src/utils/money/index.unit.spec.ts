import { decimalText, equalSplit, floorOf, frac, fromMinor, largestRemainderSplit, mulDiv, rateFraction, roundToMinor, toFraction, toMinor } from "."

describe("exact money helpers", () => {
  it("parses decimals, numbers and Medusa BigNumbers exactly", () => {
    expect(decimalText(12.3)).toBe("12.3")
    expect(decimalText(1e-7)).toBe("0.0000001")
    // float noise is not an amount: strict parsing refuses it instead of rounding it away
    expect(() => toMinor(0.1 + 0.2)).toThrow("more than 2 decimals")
    expect(roundToMinor(0.1 + 0.2)).toBe(30n)
    expect(decimalText({ bigNumber: { toFixed: () => "2576.00000000000000000000" } })).toBe("2576.00000000000000000000")
    expect(toFraction("0.10")).toEqual({ n: 1n, d: 10n })
    expect(toFraction(frac.of(2, 4))).toEqual({ n: 1n, d: 2n })
    expect(() => decimalText("1e3")).toThrow("not a decimal amount")
    expect(() => decimalText(Number.NaN)).toThrow()
  })

  it("minor units: strict for amounts, half-up for computed totals", () => {
    expect(toMinor("12.34")).toBe(1234n)
    expect(() => toMinor("12.345")).toThrow("more than 2 decimals")
    expect(roundToMinor("33.335")).toBe(3334n)
    expect(roundToMinor("-0.005")).toBe(-1n)
    expect(fromMinor(1230n)).toBe("12.3")
    expect(fromMinor(-5n)).toBe("-0.05")
  })

  it("rates, mulDiv and floors", () => {
    expect(rateFraction("0.05")).toEqual([1n, 20n])
    expect(mulDiv(89900n, 1n, 10n)).toBe(8990n)
    expect(floorOf(frac.of(-3, 2))).toBe(-2n)
    expect(() => rateFraction("-0.1")).toThrow("not a rate")
  })

  it("splits sum exactly", () => {
    expect(equalSplit(1000n, 3)).toEqual([333n, 333n, 334n])
    const shares = largestRemainderSplit(10000n, [3n, 3n, 3n])
    expect(shares.reduce((s, x) => s + x, 0n)).toBe(10000n)
    expect(shares).toEqual([3334n, 3333n, 3333n])
    expect(largestRemainderSplit(100n, [0n, 0n])).toEqual([0n, 0n])
  })
})
