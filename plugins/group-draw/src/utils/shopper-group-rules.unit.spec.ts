import { prizeValueMinor, resolveGroupRules, shopperLimitsError } from "./shopper-group-rules"

describe("shopper-defined group rules (SPEC §4.1 within admin limits, §0.6 prize cap)", () => {
  // the SPEC red-envelope example as a campaign that lets shoppers choose 3..10 members, 1..3 winners, ≤ 48 h
  const campaign = {
    price: 99,
    group_size: 5,
    winners: 2,
    duration_hours: 24,
    red_envelope_amount: 10,
    red_envelope_split: "random",
    winner_shopping_fund_ratio: 0.1,
    allow_shopper_groups: true,
    shopper_group_size_min: 3,
    shopper_group_size_max: 10,
    shopper_winners_min: 1,
    shopper_winners_max: 3,
    shopper_duration_hours_max: 48,
    allow_private_groups: true,
  }

  it("uses the campaign's own rules when the shopper chooses nothing", () => {
    expect(resolveGroupRules(campaign, {}, 50000).rules).toEqual({
      size: 5, winners: 2, duration_hours: 24, visibility: "open", shopper_defined: false,
    })
    expect(resolveGroupRules({ ...campaign, allow_shopper_groups: false }, {}, 50000).rules?.size).toBe(5)
  })

  it("accepts a choice inside the limits", () => {
    expect(resolveGroupRules(campaign, { group_size: 3, winners: 1, duration_hours: 48, visibility: "private" }, 50000).rules).toEqual({
      size: 3, winners: 1, duration_hours: 48, visibility: "private", shopper_defined: true,
    })
  })

  it("names the violated limit", () => {
    const err = (choice: any, c: any = campaign, cap: unknown = 50000) => resolveGroupRules(c, choice, cap).error
    expect(err({ group_size: 4 }, { ...campaign, allow_shopper_groups: false })).toMatch(/allow_shopper_groups/)
    expect(err({ group_size: 2 })).toMatch(/shopper_group_size_min \(3\)/)
    expect(err({ group_size: 11 })).toMatch(/shopper_group_size_max \(10\)/)
    expect(err({ winners: 4, group_size: 10 })).toMatch(/shopper_winners_max \(3\)/)
    expect(err({ winners: 3, group_size: 3 })).toMatch(/winners < group_size/)
    expect(err({ duration_hours: 49 })).toMatch(/shopper_duration_hours_max \(48\)/)
    expect(err({ visibility: "private" }, { ...campaign, allow_private_groups: false })).toMatch(/allow_private_groups/)
    // group of 3: 99 + 9.90 fund + 10 − 2 × 0.01 = 118.88 > a cap of 110
    expect(err({ group_size: 3 }, campaign, 110)).toMatch(/118\.88.*lottery prize cap \(110\)/)
  })

  it("values the prize as price + shopping fund + the largest envelope share", () => {
    expect(prizeValueMinor(campaign, 3)).toBe(9900n + 990n + 998n)
    // equal split of 10.00 among 3: the last seat gets 3.34
    expect(prizeValueMinor({ ...campaign, red_envelope_split: "equal" }, 3)).toBe(9900n + 990n + 334n)
    expect(prizeValueMinor({ price: 99, group_size: 5, winners: 2, duration_hours: 24 }, 5)).toBe(9900n)
  })

  it("checks the admin's limits when the campaign is saved", () => {
    expect(shopperLimitsError(campaign, 50000)).toBeNull()
    expect(shopperLimitsError({ ...campaign, shopper_group_size_min: 1 }, 50000)).toMatch(/shopper_group_size_min/)
    expect(shopperLimitsError({ ...campaign, shopper_group_size_max: 2 }, 50000)).toMatch(/shopper_group_size_max/)
    expect(shopperLimitsError({ ...campaign, shopper_winners_min: 10, shopper_winners_max: 10 }, 50000)).toMatch(/shopper_winners_min/)
    expect(shopperLimitsError({ ...campaign, shopper_group_size_max: 2000 }, 50000)).toMatch(/red_envelope_amount/)
    expect(shopperLimitsError(campaign, 110)).toMatch(/lottery prize cap/)
  })
})
