import { campaignRuleProblems, drawRoundsFor, frozenChanges } from "./campaign-rules"

const seed = { base_price: 100, step_amount: 5, step_interval: 200, max_steps: 10, free_interval: 25 }

describe("pre-sale campaign rules", () => {
  it("the seed campaign (100, 5 per 200, 10 steps, free every 25) is valid", () => {
    expect(campaignRuleProblems(seed, 50000)).toEqual([])
  })
  it("refuses a final tier below zero, naming the fields", () => {
    expect(campaignRuleProblems({ ...seed, step_amount: 11 }, 50000)).toEqual([
      "step_amount × max_steps must not exceed base_price (the final price would be negative)",
    ])
  })
  it("refuses min above max participants, an end before the start, a free order above the prize cap", () => {
    expect(campaignRuleProblems({ ...seed, min_participants: 10, max_participants: 5 }, 50000)).toContain(
      "min_participants must not exceed max_participants"
    )
    expect(campaignRuleProblems({ ...seed, starts_at: "2026-12-02T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" }, 50000)).toContain(
      "ends_at must be after starts_at"
    )
    expect(campaignRuleProblems(seed, 99)).toEqual(["base_price exceeds the lottery prize cap (99) for a free order"])
  })
  it("commits one round per free interval up to the participant cap", () => {
    expect(drawRoundsFor(25, 2000)).toBe(80)
    expect(drawRoundsFor(5, 40)).toBe(8)
    expect(drawRoundsFor(null, 2000)).toBe(0)
    expect(drawRoundsFor(25, null)).toBe(2000)
  })
  it("lists frozen fields an update changes (numbers compared exactly)", () => {
    const current = { ...seed, base_price: 100, ends_at: new Date("2026-12-31T00:00:00Z"), title: "a" }
    expect(frozenChanges(current, { base_price: "100.00", title: "b" })).toEqual([])
    expect(frozenChanges(current, { base_price: 99, ends_at: "2026-12-31T00:00:00.000Z" })).toEqual(["base_price"])
    expect(frozenChanges(current, { ends_at: "2027-01-01T00:00:00Z" })).toEqual(["ends_at"])
  })
})
