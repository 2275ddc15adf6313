/**
 * Store-wide compliance guardrails (SPEC §0.6), read by every Fission plugin.
 *
 * Money fields are decimal amounts in the store currency's major unit, as in
 * Medusa core. There is deliberately no `promoter_fee_allowed` setting: a fee
 * to become a promoter or to rise in rank is never allowed, so it is not
 * something a store can switch on.
 */
export type ComplianceSettings = {
  /** Levels above the buyer that commission / team money may reach: 1 or 2. */
  max_commission_levels: number
  /** Depth to which team-structure *conditions* may count members: 1..3. */
  max_team_condition_depth: number
  /** Highest value of a single lottery-style prize (0 < cap <= 50,000). */
  lottery_prize_cap: number
  /** Highest price of one blind-box open (0 < cap <= 200). */
  blind_box_price_cap: number
  /** Youngest age allowed to buy a blind box (integer >= 8). */
  blind_box_min_age: number
  /** Buyers younger than this need recorded guardian consent (>= 18 and >= min age). */
  guardian_consent_below_age: number
  /** Per-customer daily blind-box spend limit; null = off. */
  blind_box_daily_spend_limit: number | null
}

export type ComplianceSettingKey = keyof ComplianceSettings

/** Money may be given as a number or as a decimal string (exact input). */
export type MoneyInput = number | string

/** A partial update as it arrives from an admin or another plugin. */
export type ComplianceSettingsPatch = {
  max_commission_levels?: number
  max_team_condition_depth?: number
  lottery_prize_cap?: MoneyInput
  blind_box_price_cap?: MoneyInput
  blind_box_min_age?: number
  guardian_consent_below_age?: number
  blind_box_daily_spend_limit?: MoneyInput | null
}

/** What shoppers are entitled to see before they pay (Store API). */
export type PublicComplianceLimits = Pick<
  ComplianceSettings,
  | "max_commission_levels"
  | "lottery_prize_cap"
  | "blind_box_price_cap"
  | "blind_box_min_age"
  | "guardian_consent_below_age"
  | "blind_box_daily_spend_limit"
>
