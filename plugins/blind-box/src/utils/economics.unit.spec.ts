import { fromMinor } from "@fission/core/utils"
import {
  economicsPreview,
  expectedOpens,
  initiatorGross,
  initiatorIncome,
  platformMargin,
  platformPerOpen,
  prizeRange,
} from "./economics"

// The seed template of SPEC §7.1: prize 99, 24 boxes, 30 cash + 69 vouchers, open 5, share 4.5,
// first 6 opens never win, rewards 4 + 6 per campaign and 0.5 per open.
const SEED = {
  boxes: 24,
  no_win_opens: 6,
  initiation_cash: 30,
  open_price: 5,
  initiator_share: 4.5,
  referrer_reward_initiation: 4,
  leader_reward_initiation: 6,
  referrer_reward_open: 0.5,
  prize_value: 99,
}

describe("blind-box economics (SPEC §7.3)", () => {
  it("the prize lies in opens 7..24", () => {
    expect(prizeRange(SEED)).toEqual({ min: 7, max: 24 })
  })

  it("initiator income = 4.5 × p − 30: p = 7 → 1.5, p = 24 → 78", () => {
    expect(fromMinor(initiatorIncome(SEED, 7))).toBe("1.5")
    expect(fromMinor(initiatorIncome(SEED, 24))).toBe("78")
    for (let p = 7; p <= 24; p++) expect(initiatorIncome(SEED, p)).toBe(450n * BigInt(p) - 3000n)
  })

  it("the initiator earns 31.5 by the 7th open and 108 by the 24th", () => {
    expect(fromMinor(initiatorGross(SEED, 7))).toBe("31.5")
    expect(fromMinor(initiatorGross(SEED, 24))).toBe("108")
  })

  it("platform per campaign = 30 − prize cost − 10, whatever the winning open", () => {
    expect(platformPerOpen(SEED)).toBe(0n)
    for (const cost of [0, 20, 45.5]) {
      for (const p of [7, 15, 24]) {
        expect(fromMinor(platformMargin({ ...SEED, prize_cost: cost }, p))).toBe(fromMinor(3000n - BigInt(Math.round(cost * 100)) - 1000n))
      }
    }
    // without a prize cost the value counts: 30 − 99 − 10 = −79
    expect(fromMinor(platformMargin(SEED, 7))).toBe("-79")
  })

  it("expected opens with the prize uniform in 7..24 is 15.5; other windows too", () => {
    expect(expectedOpens(SEED)).toBe("15.5")
    expect(expectedOpens({ boxes: 10, no_win_opens: 0 })).toBe("5.5")
    expect(expectedOpens({ boxes: 11, no_win_opens: 2 })).toBe("7")
  })

  it("the admin preview is those numbers", () => {
    expect(economicsPreview({ ...SEED, prize_cost: 20 })).toEqual({
      prize_range: { min: 7, max: 24 },
      expected_opens: "15.5",
      initiator_income: { min: "1.5", max: "78" },
      initiator_gross: { min: "31.5", max: "108" },
      platform_per_open: "0",
      initiation_rewards: "10",
      platform_margin: { min: "0", max: "0" },
    })
  })
})
