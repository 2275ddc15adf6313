import { MedusaError } from "@medusajs/framework/utils"
import { checkDecimal, checkInteger, decimalProblem, integerProblem, MONEY_MAX, PG_INTEGER_MAX } from "./bounds"
import { findNul } from "./nul"
import { zDateTime, zInt, zMoney, zOffset, zQueryInt, zRate, zText } from "./zod"

describe("integer bounds", () => {
  it("accepts 0 … 2,147,483,647 by default and refuses what a PostgreSQL integer cannot hold", () => {
    expect(integerProblem(0)).toBeNull()
    expect(integerProblem(PG_INTEGER_MAX)).toBeNull()
    expect(integerProblem(PG_INTEGER_MAX + 1)).toBe("must be an integer from 0 to 2147483647 (got 2147483648)")
    expect(integerProblem(1e12)).toMatch(/got 1000000000000/)
    expect(integerProblem(-1)).toMatch(/from 0/)
    expect(integerProblem(1.5)).toMatch(/integer/)
    expect(integerProblem("3")).toMatch(/got "3"/)
    expect(integerProblem(5, { min: 1, max: 3 })).toBe("must be an integer from 1 to 3 (got 5)")
  })

  it("checkInteger throws INVALID_DATA naming the field", () => {
    expect(checkInteger("position", 7)).toBe(7)
    const err = (() => {
      try {
        checkInteger("position", 1e12)
      } catch (e) {
        return e as MedusaError
      }
    })()!
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toBe("position must be an integer from 0 to 2147483647 (got 1000000000000)")
  })
})

describe("decimal bounds", () => {
  it("money: at most 2 decimals, 0 … 100,000,000, compared exactly", () => {
    expect(decimalProblem("12.50")).toBeNull()
    expect(decimalProblem(12.5)).toBeNull()
    expect(decimalProblem("1.500")).toBeNull() // trailing zeros are not precision
    expect(decimalProblem(0.001)).toMatch(/at most 2 decimals \(got 0.001\)/)
    expect(decimalProblem(1e308)).toMatch(/got 1e\+308/)
    expect(decimalProblem(MONEY_MAX)).toBeNull()
    expect(decimalProblem("100000000.01")).toMatch(/to 100000000/)
    expect(decimalProblem("100000000.0000000000000001", { decimals: 30 })).toMatch(/to 100000000/)
    expect(decimalProblem(-1)).toMatch(/from 0/)
    expect(decimalProblem("1e3")).not.toBeNull()
    expect(decimalProblem(Infinity)).not.toBeNull()
    expect(decimalProblem(null)).not.toBeNull()
    expect(decimalProblem(0, { minExclusive: true })).toMatch(/greater than 0/)
  })

  it("checkDecimal returns the number or throws naming the field", () => {
    expect(checkDecimal("points_multiplier", "1.25", { max: 100, decimals: 4 })).toBe(1.25)
    expect(() => checkDecimal("points_multiplier", -1, { max: 100, decimals: 4 })).toThrow(
      "points_multiplier must be a decimal number from 0 to 100 with at most 4 decimals (got -1)"
    )
  })
})

describe("findNul", () => {
  it("names the first string holding U+0000, at any depth, and key names too", () => {
    expect(findNul({ a: "ok", b: ["x", "y\u0000"] })).toBe("b[1]")
    expect(findNul({ variants: [{ variant_id: "v\u0000" }] })).toBe("variants[0].variant_id")
    expect(findNul({ "a\u0000": 1 })).toBe("<field name with a NUL byte>")
    expect(findNul("\u0000")).toBe("value")
    expect(findNul({ a: 1, b: null, c: [true, "fine"] })).toBeNull()
  })
})

describe("zod helpers", () => {
  const message = (schema: { safeParse(v: unknown): any }, v: unknown) => schema.safeParse(v).error?.issues[0]?.message
  it("name the field and keep values in range", () => {
    expect(message(zInt("position"), 1e12)).toBe("position must be an integer from 0 to 2147483647 (got 1000000000000)")
    expect(zInt("position").parse(3)).toBe(3)
    expect(message(zQueryInt("limit", { min: 1, max: 100 }), "1e12")).toMatch(/^limit must be an integer from 1 to 100/)
    expect(zOffset().parse(undefined)).toBe(0)
    expect(message(zOffset(), "1e308")).toMatch(/^offset must be an integer/)
    expect(message(zMoney("price"), 1e308)).toMatch(/^price must be a decimal number from 0 to 100000000 with at most 2 decimals/)
    expect(zMoney("price").parse("9.90")).toBe("9.90") // strings pass unchanged: exact input stays exact
    expect(message(zRate("level1_rate"), 1.5)).toMatch(/^level1_rate must be a decimal number from 0 to 1 with at most 6 decimals/)
    expect(message(zText("note", 5), "abcdef")).toBe("note must be at most 5 characters")
    expect(message(zText("note"), "a\u0000")).toBe("note must not contain a NUL byte (U+0000)")
    expect(zDateTime("ends_at").parse("2026-12-01T08:00:00+08:00").toISOString()).toBe("2026-12-01T00:00:00.000Z")
    for (const epoch of [1e12, -1]) expect(zDateTime("ends_at").safeParse(epoch).success).toBe(false)
    for (const bad of ["1e12", "-000001-01-01", "1969-12-31", "soon"]) {
      expect([bad, message(zDateTime("ends_at"), bad)]).toEqual([bad, expect.stringMatching(/^ends_at must be an ISO 8601 date/)])
    }
  })
})
