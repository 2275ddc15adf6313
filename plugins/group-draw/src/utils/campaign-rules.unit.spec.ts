import { campaignRuleError, isCampaignOpen, maskId } from "./campaign-rules"

describe("group-draw campaign rules", () => {
  const base = { price: 99, group_size: 5, winners: 2, red_envelope_amount: 10, loser_reward: 10 }
  it("accepts the seed campaign", () => {
    expect(campaignRuleError(base, 50000)).toBeNull()
  })
  it("names the broken field", () => {
    expect(campaignRuleError({ ...base, winners: 5 }, 50000)).toMatch(/winners/)
    expect(campaignRuleError({ ...base, group_size: 1 }, 50000)).toMatch(/group_size/)
    expect(campaignRuleError({ ...base, price: 60000 }, 50000)).toMatch(/prize cap/)
    expect(campaignRuleError({ ...base, red_envelope_amount: "0.04" }, 50000)).toMatch(/red_envelope_amount/)
    expect(campaignRuleError({ ...base, winner_shopping_fund_ratio: 2 }, 50000)).toMatch(/ratio/)
  })
  it("is open only while active and within its window", () => {
    const now = new Date("2026-01-02T00:00:00Z")
    expect(isCampaignOpen({ status: "active" }, now)).toBe(true)
    expect(isCampaignOpen({ status: "draft" }, now)).toBe(false)
    expect(isCampaignOpen({ status: "active", ends_at: "2026-01-01T00:00:00Z" }, now)).toBe(false)
    expect(isCampaignOpen({ status: "active", starts_at: "2026-01-03T00:00:00Z" }, now)).toBe(false)
  })
  it("masks ids", () => {
    expect(maskId("cus_01HABCDEFGXK9Q")).toBe("cus_…XK9Q")
  })
})
