import { birthdayPointsKey, birthdayRefusal, birthdaysOn } from "./birthday"
import { makeupCheckInRefusal, renumberRun } from "./check-in-streak"
import { localDate, monthsBetween, nextMonth } from "./dates"
import { firstRestrictedProduct, requiredLevels } from "./exclusive-products"
import { yearlyEvaluationYear, yearlyLevel } from "./levels"

const levels = [
  { id: "base", name: "Member", position: 0, growth_threshold: 0 },
  { id: "silver", name: "Silver", position: 1, growth_threshold: 500, exclusive_product_ids: ["prod_tea"] },
  { id: "gold", name: "Gold", position: 2, growth_threshold: 2000, exclusive_product_ids: ["prod_tea", "prod_package"] },
]

describe("make-up check-in", () => {
  it("restores the streak of the run after the filled day and leaves days after the next gap alone", () => {
    // checked in 1-3 (streaks 1..3), missed the 4th, then 5-7 (1..3), missed the 8th, then the 9th (1)
    expect(renumberRun("2026-03-04", 4, ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-09"])).toEqual([
      { local_date: "2026-03-05", streak: 5 },
      { local_date: "2026-03-06", streak: 6 },
      { local_date: "2026-03-07", streak: 7 },
    ])
    expect(renumberRun("2026-03-04", 1, [])).toEqual([])
    expect(renumberRun("2026-02-28", 3, ["2026-03-01"])).toEqual([{ local_date: "2026-03-01", streak: 4 }])
  })
  it("allows only past days of the current month, or of the configured window", () => {
    expect(makeupCheckInRefusal("2026-03-04", "2026-03-10", null)).toBeNull()
    expect(makeupCheckInRefusal("2026-03-10", "2026-03-10", null)).toMatch(/before today/)
    expect(makeupCheckInRefusal("2026-03-11", "2026-03-10", null)).toMatch(/before today/)
    expect(makeupCheckInRefusal("2026-02-28", "2026-03-01", null)).toMatch(/current month/)
    expect(makeupCheckInRefusal("2026-02-28", "2026-03-01", 7)).toBeNull()
    expect(makeupCheckInRefusal("2026-02-21", "2026-03-01", 7)).toMatch(/last 7 days/)
    expect(makeupCheckInRefusal("2026-02-30", "2026-03-10", 30)).toMatch(/calendar date/)
  })
})

describe("yearly level re-evaluation", () => {
  it("follows the growth of the last 12 months, at most the allowed number of levels down", () => {
    expect(yearlyLevel(levels, 0, "gold", 1)?.id).toBe("silver")
    expect(yearlyLevel(levels, 0, "gold", 2)?.id).toBe("base")
    expect(yearlyLevel(levels, 600, "gold", 5)?.id).toBe("silver")
    expect(yearlyLevel(levels, 2500, "gold", 1)?.id).toBe("gold")
    expect(yearlyLevel(levels, 2500, "silver", 1)?.id).toBe("gold")
    expect(yearlyLevel(levels, 0, "base", 1)?.id).toBe("base")
    expect(yearlyLevel(levels, 899, null, 1)?.id).toBe("silver")
  })
  it("runs in the first 7 local days of January of the store time zone", () => {
    // 31 Dec 17:00 UTC is already 1 January 01:00 in Shanghai, still 31 December in London
    expect(yearlyEvaluationYear(localDate(new Date("2027-12-31T17:00:00Z"), "Asia/Shanghai"))).toBe(2028)
    expect(yearlyEvaluationYear(localDate(new Date("2027-12-31T17:00:00Z"), "Europe/London"))).toBeNull()
    expect(yearlyEvaluationYear("2028-01-07")).toBe(2028)
    expect(yearlyEvaluationYear("2028-01-08")).toBeNull()
    expect(yearlyEvaluationYear("2028-03-01")).toBeNull()
  })
})

describe("birthday points", () => {
  it("celebrates on the local date of the store time zone", () => {
    // 16:30 UTC on 14 May is already 15 May in Shanghai
    expect(birthdaysOn(localDate(new Date("2026-05-14T16:30:00Z"), "Asia/Shanghai"))).toEqual(["05-15"])
    expect(birthdaysOn(localDate(new Date("2026-05-14T16:30:00Z"), "America/New_York"))).toEqual(["05-14"])
  })
  it("celebrates a 29 February birthday on 28 February outside leap years", () => {
    expect(birthdaysOn("2027-02-28")).toEqual(["02-28", "02-29"])
    expect(birthdaysOn("2028-02-28")).toEqual(["02-28"])
    expect(birthdaysOn("2028-02-29")).toEqual(["02-29"])
    expect(birthdaysOn("2100-02-28")).toEqual(["02-28", "02-29"])
    expect(birthdaysOn("2000-02-28")).toEqual(["02-28"])
  })
  it("keys one credit per customer and year, and accepts only real past dates", () => {
    expect(birthdayPointsKey("cus_1", 2027)).toBe("points:birthday:cus_1:2027")
    expect(birthdayRefusal("1996-02-29", "2026-11-23")).toBeNull()
    expect(birthdayRefusal("1997-02-29", "2026-11-23")).toMatch(/calendar date/)
    expect(birthdayRefusal("2027-01-01", "2026-11-23")).toMatch(/future/)
  })
})

describe("level-restricted products", () => {
  it("needs the lowest level listing the product; members at or above it may buy", () => {
    expect(requiredLevels(levels).get("prod_tea")?.id).toBe("silver")
    expect(firstRestrictedProduct(levels, "base", ["prod_orange", "prod_tea"])).toMatchObject({ product_id: "prod_tea", level: { id: "silver" } })
    expect(firstRestrictedProduct(levels, "silver", ["prod_tea"])).toBeNull()
    expect(firstRestrictedProduct(levels, "gold", ["prod_tea", "prod_package"])).toBeNull()
    expect(firstRestrictedProduct(levels, "silver", ["prod_package"])).toMatchObject({ level: { id: "gold" } })
    expect(firstRestrictedProduct(levels, null, ["prod_tea"])).toMatchObject({ level: { id: "silver" } })
  })
})

describe("statistics months", () => {
  it("lists local months inclusively across a year end", () => {
    expect(nextMonth("2026-12")).toBe("2027-01")
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"])
    expect(monthsBetween("2027-02", "2026-11")).toEqual([])
  })
})
