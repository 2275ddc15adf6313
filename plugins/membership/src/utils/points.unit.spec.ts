import { cumulative, growthForPaid, pointsForPaid, reversalTarget } from "./points"
import { levelForGrowth, nextLevelAbove, targetLevel } from "./levels"
import { addDays, datesOfMonth, localDate, pointsExpiry, startOfLocalDay } from "./dates"

describe("points from paid consumption", () => {
  it("gives 899 points and 899 growth for a paid 899 at rate 1", () => {
    expect(pointsForPaid("899", 1)).toBe(899)
    expect(growthForPaid("899")).toBe(899)
  })
  it("applies the level multiplier and rounds down", () => {
    expect(pointsForPaid("899", "1", "1.5")).toBe(1348)
    expect(pointsForPaid("10.99", "1")).toBe(10)
    expect(growthForPaid("10.99")).toBe(10)
  })
  it("reverses half a refund rounding down, and everything on the full amount", () => {
    // 454.5 of 909 paid (899 goods + 10 shipping)
    expect(reversalTarget(899, "454.5", "909")).toBe(449)
    expect(reversalTarget(899, "909", "909")).toBe(899)
    expect(reversalTarget(899, "1000", "909")).toBe(899)
    expect(reversalTarget(899, "0", "909")).toBe(0)
    const steps = cumulative([{ amount: "454.5" }, { amount: "454.5" }]).map((r) => reversalTarget(899, r.upto, "909"))
    expect(steps).toEqual([449, 899])
  })
})

describe("levels", () => {
  const levels = [
    { id: "silver", position: 1, growth_threshold: 500 },
    { id: "base", position: 0, growth_threshold: 0 },
    { id: "gold", position: 2, growth_threshold: 2000 },
  ]
  it("picks the highest reached threshold and the next one", () => {
    expect(levelForGrowth(levels, 899)?.id).toBe("silver")
    expect(levelForGrowth(levels, 0)?.id).toBe("base")
    expect(nextLevelAbove(levels, 899)?.id).toBe("gold")
    expect(nextLevelAbove(levels, 5000)).toBeNull()
  })
  it("keeps a higher level between re-evaluations and rises with growth", () => {
    expect(targetLevel(levels, 100, "silver")?.id).toBe("silver")
    expect(targetLevel(levels, 2500, "silver")?.id).toBe("gold")
    expect(targetLevel(levels, 100, null)?.id).toBe("base")
  })
})

describe("dates in the store time zone", () => {
  it("uses the Shanghai calendar day", () => {
    expect(localDate(new Date("2026-03-01T15:59:00Z"), "Asia/Shanghai")).toBe("2026-03-01")
    expect(localDate(new Date("2026-03-01T16:00:00Z"), "Asia/Shanghai")).toBe("2026-03-02")
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
    expect(datesOfMonth("2024-02")).toHaveLength(29)
    expect(startOfLocalDay("2027-01-01", "Asia/Shanghai").toISOString()).toBe("2026-12-31T16:00:00.000Z")
  })
  it("computes lot expiry", () => {
    const at = new Date("2026-03-10T00:00:00Z")
    const tz = "Asia/Shanghai"
    expect(pointsExpiry(at, { points_expiry_mode: "rolling_months", points_expiry_months: 12, time_zone: tz })?.toISOString()).toBe(
      "2027-03-10T00:00:00.000Z"
    )
    expect(pointsExpiry(at, { points_expiry_mode: "end_of_year", points_expiry_months: 12, time_zone: tz })?.toISOString()).toBe(
      "2026-12-31T16:00:00.000Z"
    )
    expect(pointsExpiry(at, { points_expiry_mode: "never", points_expiry_months: 12, time_zone: tz })).toBeNull()
  })
})
