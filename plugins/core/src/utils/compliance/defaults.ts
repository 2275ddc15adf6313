import { ComplianceSettingKey, ComplianceSettings, PublicComplianceLimits } from "./types"

/**
 * Legal ceilings/floors a store cannot configure past (SPEC §0.6).
 * - 2 commission levels: Chinese practice and case law treat 3 levels of
 *   "team pay" as pyramid selling.
 * - 3: team-structure conditions may count members to depth 3 ("3×9×27"),
 *   money still never flows more than 2 levels up.
 * - 50,000: Anti-Unfair-Competition Law cap for a lottery-style prize.
 * - 200: price cap per blind-box open.
 * - 8: no blind-box sales to children under 8.
 * - 18: below adulthood a guardian's consent is always recorded.
 */
export const COMPLIANCE_LIMITS = {
  max_commission_levels: 2,
  max_team_condition_depth: 3,
  lottery_prize_cap: 50_000,
  blind_box_price_cap: 200,
  blind_box_min_age: 8,
  guardian_consent_floor_age: 18,
  /** Sanity bound on ages so typos (e.g. 180) are rejected. */
  max_age: 120,
} as const

export const DEFAULT_COMPLIANCE_SETTINGS: Readonly<ComplianceSettings> = Object.freeze({
  max_commission_levels: 2,
  max_team_condition_depth: 3,
  lottery_prize_cap: 50_000,
  blind_box_price_cap: 200,
  blind_box_min_age: 8,
  guardian_consent_below_age: 18,
  blind_box_daily_spend_limit: null,
})

export const COMPLIANCE_SETTING_KEYS = Object.keys(DEFAULT_COMPLIANCE_SETTINGS) as ComplianceSettingKey[]

/** The subset of settings the Store API discloses to shoppers. */
export function toPublicComplianceLimits(settings: ComplianceSettings): PublicComplianceLimits {
  return {
    max_commission_levels: settings.max_commission_levels,
    lottery_prize_cap: settings.lottery_prize_cap,
    blind_box_price_cap: settings.blind_box_price_cap,
    blind_box_min_age: settings.blind_box_min_age,
    guardian_consent_below_age: settings.guardian_consent_below_age,
    blind_box_daily_spend_limit: settings.blind_box_daily_spend_limit,
  }
}
