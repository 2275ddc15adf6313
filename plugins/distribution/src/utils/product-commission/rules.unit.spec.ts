import { MedusaError } from "@medusajs/framework/utils"
import { normalizeProductRule, sameProductRule } from "./rules"

function rejection(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return (e as MedusaError).message
  }
  throw new Error("expected a rejection")
}

describe("product commission rules", () => {
  it("keeps the 899 package's fixed 100 / 50 per unit, as exact decimal strings", () => {
    expect(normalizeProductRule({ mode: "fixed", level1: 100, level2: "50.00" })).toEqual({ mode: "fixed", level1: "100", level2: "50" })
    expect(normalizeProductRule({ mode: "fixed", level1: "0.5", level2: 0 })).toEqual({ mode: "fixed", level1: "0.5", level2: "0" })
  })

  it("accepts rates from 0 to 1 (10% / 5%) and rejects anything else, naming the field", () => {
    expect(normalizeProductRule({ mode: "rate", level1: 0.1, level2: "0.05" })).toEqual({ mode: "rate", level1: "0.1", level2: "0.05" })
    expect(normalizeProductRule({ mode: "rate", level1: 1, level2: 0 })).toEqual({ mode: "rate", level1: "1", level2: "0" })
    for (const bad of [1.5, -0.1, "abc", "0.1234567", Number.NaN, "1e-3"]) {
      expect(rejection(() => normalizeProductRule({ mode: "rate", level1: bad as any, level2: 0 }))).toMatch(/^level1 must be a rate from 0 to 1/)
    }
    expect(rejection(() => normalizeProductRule({ mode: "rate", level1: 0.1, level2: 2 }, "variants[1]"))).toMatch(/^variants\[1\]\.level2 must be a rate/)
  })

  it("rejects rates whose two levels together pay more than the sale", () => {
    expect(rejection(() => normalizeProductRule({ mode: "rate", level1: 0.6, level2: 0.5 }))).toBe("level1 + level2 must not exceed 1 (got 0.6 + 0.5)")
  })

  it("rejects negative or sub-cent fixed amounts", () => {
    expect(rejection(() => normalizeProductRule({ mode: "fixed", level1: -1, level2: 0 }))).toMatch(/^level1 must be an amount ≥ 0/)
    expect(rejection(() => normalizeProductRule({ mode: "fixed", level1: 1, level2: "0.001" }))).toMatch(/^level2 must be an amount/)
  })

  it("requires both levels for rate and fixed, and none for excluded", () => {
    expect(rejection(() => normalizeProductRule({ mode: "fixed", level1: 100 }))).toMatch(/^level2 is required when mode is fixed/)
    expect(rejection(() => normalizeProductRule({ mode: "rate", level1: null, level2: 0.05 }))).toMatch(/^level1 is required/)
    expect(normalizeProductRule({ mode: "excluded", level1: null })).toEqual({ mode: "excluded", level1: null, level2: null })
    expect(rejection(() => normalizeProductRule({ mode: "excluded", level1: 5 }))).toMatch(/^level1 must be empty when mode is excluded/)
    expect(rejection(() => normalizeProductRule({ mode: "bonus" as any }))).toMatch(/^mode must be one of/)
  })

  it("compares stored rules (numbers) with normalised input", () => {
    expect(sameProductRule({ mode: "fixed", level1: 100 as any, level2: 50 as any }, { mode: "fixed", level1: "100", level2: "50" })).toBe(true)
    expect(sameProductRule({ mode: "rate", level1: 0.1 as any, level2: 0.05 as any }, { mode: "rate", level1: "0.1", level2: "0.06" })).toBe(false)
  })
})
