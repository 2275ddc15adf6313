import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { decimalProblem, MONEY_MAX } from "../validation/bounds"
import { COMPLIANCE_LIMITS, COMPLIANCE_SETTING_KEYS } from "./defaults"
import { ComplianceSettingKey, ComplianceSettings, ComplianceSettingsPatch } from "./types"

const L = COMPLIANCE_LIMITS

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value))

function integerIn(field: ComplianceSettingKey, value: unknown, min: number, max: number, why: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === min + 1 ? `${min} or ${max}` : `an integer from ${min} to ${max}`
    throw invalid(`${field} must be ${range} (got ${show(value)}): ${why}`)
  }
  return value
}

/**
 * A positive exact amount with at most 2 decimals (money), compared as a decimal
 * (never as a float) against `max`; an open-ended amount still stops at MONEY_MAX.
 */
function positiveAmount(field: ComplianceSettingKey, value: unknown, max: number | null, why: string): number {
  if (decimalProblem(value, { min: 0, minExclusive: true, max: max ?? MONEY_MAX, decimals: 2 })) {
    const range = `a positive amount of at most ${max ?? MONEY_MAX} with at most 2 decimals`
    throw invalid(`${field} must be ${range} (got ${show(value)})${why ? `: ${why}` : ""}`)
  }
  return MathBN.convert(typeof value === "string" ? value.trim() : (value as number)).toNumber()
}

/**
 * Applies a partial update to the current settings and returns the complete,
 * normalized result, or throws a MedusaError INVALID_DATA whose message starts
 * with the offending field. Pure: the hard limits of SPEC §0.6 live here, so
 * the service, the API and other plugins all enforce the same rules.
 */
export function validateComplianceSettings(
  current: ComplianceSettings,
  patch: ComplianceSettingsPatch | Record<string, unknown>
): ComplianceSettings {
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) {
    throw invalid("compliance settings update must be an object of settings")
  }
  for (const key of Object.keys(patch)) {
    if (key === "promoter_fee_allowed") {
      throw invalid(
        "promoter_fee_allowed is not a setting: a fee to become a promoter or to rise in rank is never allowed (SPEC §0.6)"
      )
    }
    if (!COMPLIANCE_SETTING_KEYS.includes(key as ComplianceSettingKey)) {
      throw invalid(`${key} is not a compliance setting`)
    }
  }

  const p = patch as Record<ComplianceSettingKey, unknown>
  const given = (key: ComplianceSettingKey) => p[key] !== undefined
  const next: ComplianceSettings = { ...current }

  if (given("max_commission_levels")) {
    next.max_commission_levels = integerIn(
      "max_commission_levels",
      p.max_commission_levels,
      1,
      L.max_commission_levels,
      "commission and team payouts may reach at most 2 levels above the buyer; 3 or more levels of team pay is treated as pyramid selling in China"
    )
  }
  if (given("max_team_condition_depth")) {
    next.max_team_condition_depth = integerIn(
      "max_team_condition_depth",
      p.max_team_condition_depth,
      1,
      L.max_team_condition_depth,
      "team-structure conditions may count members to depth 3 at most (money never flows more than 2 levels up)"
    )
  }
  if (given("lottery_prize_cap")) {
    next.lottery_prize_cap = positiveAmount(
      "lottery_prize_cap",
      p.lottery_prize_cap,
      L.lottery_prize_cap,
      "the Anti-Unfair-Competition Law caps a single lottery-style prize at 50,000"
    )
  }
  if (given("blind_box_price_cap")) {
    next.blind_box_price_cap = positiveAmount(
      "blind_box_price_cap",
      p.blind_box_price_cap,
      L.blind_box_price_cap,
      "the price of one blind-box open is capped at 200"
    )
  }
  if (given("blind_box_min_age")) {
    next.blind_box_min_age = integerIn(
      "blind_box_min_age",
      p.blind_box_min_age,
      L.blind_box_min_age,
      L.max_age,
      "blind boxes are never sold to children under 8"
    )
  }
  if (given("guardian_consent_below_age")) {
    next.guardian_consent_below_age = integerIn(
      "guardian_consent_below_age",
      p.guardian_consent_below_age,
      L.guardian_consent_floor_age,
      L.max_age,
      "a guardian's consent is always recorded for buyers under 18"
    )
  }
  if (given("blind_box_daily_spend_limit")) {
    next.blind_box_daily_spend_limit =
      p.blind_box_daily_spend_limit === null
        ? null
        : positiveAmount("blind_box_daily_spend_limit", p.blind_box_daily_spend_limit, null, "or null for no limit")
  }

  if (next.guardian_consent_below_age < next.blind_box_min_age) {
    // Name the field the caller just changed; that is the one to fix.
    const field = given("guardian_consent_below_age") ? "guardian_consent_below_age" : "blind_box_min_age"
    throw invalid(
      `${field}: guardian_consent_below_age (${next.guardian_consent_below_age}) must be at least blind_box_min_age (${next.blind_box_min_age})`
    )
  }
  return next
}
