import { periodRange } from "./period"

describe("leaderboard periods (UTC)", () => {
  const now = new Date("2026-02-11T15:30:00Z") // a Wednesday
  it("month = the calendar month", () => {
    expect(periodRange("month", now)).toEqual({ from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-03-01T00:00:00Z") })
    expect(periodRange("month", new Date("2026-12-31T23:59:59Z")).to).toEqual(new Date("2027-01-01T00:00:00Z"))
  })
  it("week starts on Monday; day is the calendar day; all covers everything", () => {
    expect(periodRange("week", now)).toEqual({ from: new Date("2026-02-09T00:00:00Z"), to: new Date("2026-02-16T00:00:00Z") })
    expect(periodRange("week", new Date("2026-02-15T10:00:00Z")).from).toEqual(new Date("2026-02-09T00:00:00Z")) // Sunday
    expect(periodRange("day", now)).toEqual({ from: new Date("2026-02-11T00:00:00Z"), to: new Date("2026-02-12T00:00:00Z") })
    const all = periodRange("all", now)
    expect(all.from.getTime()).toBe(0)
    expect(all.to.getTime()).toBeGreaterThan(now.getTime())
  })
})
