import { ageProblem } from "./age"
import { oddsOf } from "./odds"
import { spendDay } from "./spend-day"
import { changedFrozenFields, templateProblems } from "./template-rules"

const CAPS = { blind_box_price_cap: 200, lottery_prize_cap: 50000 }
const SEED = { prize_value: 99, boxes: 24, initiation_cash: 30, open_price: 5, initiator_share: 4.5, no_win_opens: 6, referrer_reward_open: 0.5 }

describe("template rules", () => {
  it("the seed template is valid", () => {
    expect(templateProblems(SEED, CAPS)).toEqual([])
  })
  it("open price above the cap (default 200) is refused, at the cap accepted", () => {
    expect(templateProblems({ ...SEED, open_price: 200, initiator_share: 180 }, CAPS)).toEqual([])
    expect(templateProblems({ ...SEED, open_price: 200.01 }, CAPS)[0]).toMatch(/open_price 200.01 exceeds the blind-box price cap of 200/)
    expect(templateProblems({ ...SEED, open_price: 60 }, { ...CAPS, blind_box_price_cap: 50 })[0]).toMatch(/cap of 50/)
  })
  it("prize value above the lottery cap (50,000) is refused", () => {
    expect(templateProblems({ ...SEED, prize_value: 50000.01 }, CAPS).join()).toMatch(/prize_value .* lottery prize cap of 50000/)
  })
  it("the no-win window must leave a position, the payout per open must fit the price", () => {
    expect(templateProblems({ ...SEED, no_win_opens: 24 }, CAPS).join()).toMatch(/no_win_opens/)
    expect(templateProblems({ ...SEED, no_win_opens: 23 }, CAPS)).toEqual([])
    expect(templateProblems({ ...SEED, initiator_share: 4.51 }, CAPS).join()).toMatch(/must not exceed open_price 5/)
  })
  it("a frozen template refuses changes of its terms, not of equal values", () => {
    const current = { ...SEED, prize_value: "99", currency_code: "cny", variant_id: "variant_1" }
    expect(changedFrozenFields(current, { prize_value: 99, title: "new title" })).toEqual([])
    expect(changedFrozenFields(current, { prize_value: 98, open_price: 5, variant_id: "variant_2" })).toEqual(["variant_id", "prize_value"])
  })
})

describe("disclosed odds", () => {
  it("7..24: each position 1/18; opens 1..6 never win; open 7 wins 1/18, open 24 surely", () => {
    const t = { boxes: 24, no_win_opens: 6 }
    expect(oddsOf(t, 0, false)).toMatchObject({ prize_range: { min: 7, max: 24 }, each_position: { numerator: 1, denominator: 18 } })
    expect(oddsOf(t, 0, false).next_open).toEqual({ number: 1, numerator: 0, denominator: 1 })
    expect(oddsOf(t, 6, false).next_open).toEqual({ number: 7, numerator: 1, denominator: 18 })
    expect(oddsOf(t, 23, false).next_open).toEqual({ number: 24, numerator: 1, denominator: 1 })
    expect(oddsOf(t, 9, true).next_open).toBeNull()
  })
})

describe("age confirmation", () => {
  const settings = { blind_box_min_age: 8, guardian_consent_below_age: 18 }
  it("below 8 refused; 8..17 needs a guardian's consent and name; 18 needs nothing", () => {
    expect(ageProblem({ age: 7 }, settings)).toMatch(/at least 8/)
    expect(ageProblem({ age: 8 }, settings)).toMatch(/guardian_consent is required below the age of 18/)
    expect(ageProblem({ age: 17, guardian_consent: true }, settings)).toMatch(/guardian_name/)
    expect(ageProblem({ age: 17, guardian_consent: true, guardian_name: "Li Lei" }, settings)).toBeNull()
    expect(ageProblem({ age: 18 }, settings)).toBeNull()
  })
})

describe("spend day", () => {
  it("is the UTC date", () => {
    expect(spendDay(new Date("2026-12-01T23:59:59.999Z"))).toBe("2026-12-01")
    expect(spendDay(new Date("2026-12-02T00:00:00Z"))).toBe("2026-12-02")
  })
})
