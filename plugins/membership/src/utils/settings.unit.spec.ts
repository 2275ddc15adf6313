import { MedusaError } from "@medusajs/framework/utils"
import { validateMembershipSettings } from "./settings"

const message = (input: Record<string, unknown>) => {
  try {
    validateMembershipSettings(input)
  } catch (e) {
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return (e as MedusaError).message
  }
  return null
}

describe("membership settings bounds (issue 16)", () => {
  it("refuses absurd values naming the field", () => {
    expect(message({ points_pending_days: 1e12 })).toBe("points_pending_days must be an integer from 0 to 365 (got 1000000000000)")
    expect(message({ points_per_currency_unit: 1e308 })).toMatch(/^points_per_currency_unit must be a decimal number from 0 to 10000/)
    expect(message({ points_per_currency_unit: -1 })).toMatch(/^points_per_currency_unit/)
    expect(message({ shopping_fund_daily_release_rate: "1.5" })).toMatch(/^shopping_fund_daily_release_rate .* to 1 /)
    expect(message({ makeup_checkin_cost: 2 ** 31 })).toMatch(/^makeup_checkin_cost must be an integer from 0 to 1000000/)
    expect(message({ checkin_streak_bonuses: { "7": 1e12 } })).toMatch(/^checkin_streak_bonuses.7 must be an integer/)
    expect(message({ checkin_streak_bonuses: { "9999": 5 } })).toMatch(/^checkin_streak_bonuses key 9999 must be a streak day from 1 to 366/)
    expect(message({ downgrade_max_levels: 0 })).toMatch(/^downgrade_max_levels/)
    expect(message({ time_zone: "Mars/Olympus" })).toMatch(/^time_zone is not a known IANA time zone/)
  })

  it("accepts the edges and null where null means off", () => {
    for (const ok of [
      { points_pending_days: 365, points_expiry_months: 120, checkin_base_points: 1_000_000 },
      { points_per_currency_unit: "10000", shopping_fund_invite_bonus_rate: "0.000001" },
      { makeup_checkin_cost: null, makeup_checkin_window_days: null, checkin_streak_bonuses: { "366": 0 } },
    ]) {
      expect(message(ok)).toBeNull()
    }
  })
})
