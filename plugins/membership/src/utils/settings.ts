import { MedusaError } from "@medusajs/framework/utils"

const invalid = (field: string, why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${why}`)

const isInt = (v: unknown) => typeof v === "number" && Number.isInteger(v)

/** Range checks of a (partial) settings update, one wording for every caller. */
export function validateMembershipSettings(input: Record<string, any>) {
  if (input.points_per_currency_unit !== undefined && !(Number(input.points_per_currency_unit) >= 0)) {
    throw invalid("points_per_currency_unit", "must be a number ≥ 0")
  }
  for (const field of ["points_pending_days", "checkin_base_points"]) {
    if (input[field] !== undefined && !(isInt(input[field]) && input[field] >= 0)) throw invalid(field, "must be an integer ≥ 0")
  }
  for (const field of ["makeup_checkin_cost", "makeup_checkin_window_days"]) {
    if (input[field] !== undefined && input[field] !== null && !(isInt(input[field]) && input[field] >= 0)) {
      throw invalid(field, "must be an integer ≥ 0 or null")
    }
  }
  if (input.downgrade_max_levels !== undefined && !(isInt(input.downgrade_max_levels) && input.downgrade_max_levels >= 1)) {
    throw invalid("downgrade_max_levels", "must be an integer ≥ 1")
  }
  if (input.points_expiry_months !== undefined && !(isInt(input.points_expiry_months) && input.points_expiry_months >= 1)) {
    throw invalid("points_expiry_months", "must be an integer ≥ 1")
  }
  for (const field of ["shopping_fund_daily_release_rate", "shopping_fund_participation_bonus_rate", "shopping_fund_invite_bonus_rate"]) {
    if (input[field] !== undefined && !(Number(input[field]) >= 0 && Number(input[field]) <= 1)) throw invalid(field, "must be a number between 0 and 1")
  }
  if (input.time_zone !== undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: input.time_zone })
    } catch {
      throw invalid("time_zone", `is not a known IANA time zone: ${input.time_zone}`)
    }
  }
  if (input.checkin_streak_bonuses !== undefined && input.checkin_streak_bonuses !== null) {
    for (const [day, bonus] of Object.entries(input.checkin_streak_bonuses)) {
      if (!/^[1-9][0-9]*$/.test(day)) throw invalid("checkin_streak_bonuses", `key ${day} must be a streak day ≥ 1`)
      if (!(isInt(bonus) && (bonus as number) >= 0)) throw invalid("checkin_streak_bonuses", `bonus for day ${day} must be an integer ≥ 0`)
    }
  }
}
