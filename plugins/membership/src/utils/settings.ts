import { MedusaError } from "@medusajs/framework/utils"
import { checkDecimal, checkInteger } from "@fission/core/utils"

const invalid = (field: string, why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${why}`)

/**
 * The bounds of every membership setting (README "Settings"): wide enough for any
 * real store, narrow enough that a typo (1e12 pending days, a 1e308 rate) is
 * refused instead of saved or failing in PostgreSQL.
 */
export const MEMBERSHIP_SETTING_BOUNDS = {
  points_per_currency_unit: { min: 0, max: 10_000, decimals: 4 },
  points_pending_days: { min: 0, max: 365 },
  points_expiry_months: { min: 1, max: 120 },
  checkin_base_points: { min: 0, max: 1_000_000 },
  checkin_streak_day: { min: 1, max: 366 },
  checkin_streak_bonus: { min: 0, max: 1_000_000 },
  makeup_checkin_cost: { min: 0, max: 1_000_000 },
  makeup_checkin_window_days: { min: 0, max: 366 },
  downgrade_max_levels: { min: 1, max: 100 },
  shopping_fund_rate: { min: 0, max: 1, decimals: 6 },
} as const

const B = MEMBERSHIP_SETTING_BOUNDS
const RATES = ["shopping_fund_daily_release_rate", "shopping_fund_participation_bonus_rate", "shopping_fund_invite_bonus_rate"] as const

/** Range checks of a (partial) settings update, one wording for every caller. */
export function validateMembershipSettings(input: Record<string, any>) {
  const given = (field: string) => input[field] !== undefined
  if (given("points_per_currency_unit")) checkDecimal("points_per_currency_unit", input.points_per_currency_unit, B.points_per_currency_unit)
  for (const field of ["points_pending_days", "points_expiry_months", "checkin_base_points", "downgrade_max_levels"] as const) {
    if (given(field)) checkInteger(field, input[field], B[field])
  }
  for (const field of ["makeup_checkin_cost", "makeup_checkin_window_days"] as const) {
    // null switches the feature off (cost) or limits it to the current month (window)
    if (given(field) && input[field] !== null) checkInteger(field, input[field], B[field])
  }
  for (const field of RATES) if (given(field)) checkDecimal(field, input[field], B.shopping_fund_rate)
  if (given("time_zone")) {
    try {
      if (typeof input.time_zone !== "string" || input.time_zone.length > 64) throw new Error()
      new Intl.DateTimeFormat("en-US", { timeZone: input.time_zone })
    } catch {
      throw invalid("time_zone", `is not a known IANA time zone: ${String(input.time_zone).slice(0, 64)}`)
    }
  }
  if (input.checkin_streak_bonuses !== undefined && input.checkin_streak_bonuses !== null) {
    for (const [day, bonus] of Object.entries(input.checkin_streak_bonuses)) {
      if (!/^[1-9][0-9]{0,2}$/.test(day) || Number(day) > B.checkin_streak_day.max) {
        throw invalid("checkin_streak_bonuses", `key ${day.slice(0, 20)} must be a streak day from 1 to ${B.checkin_streak_day.max}`)
      }
      checkInteger(`checkin_streak_bonuses.${day}`, bonus, B.checkin_streak_bonus)
    }
  }
}
