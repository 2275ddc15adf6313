import { model } from "@medusajs/framework/utils"

/** The store's membership rules (SPEC §6); one row, created with defaults on first read. */
const MembershipSetting = model.define("membership_setting", {
  id: model.id({ prefix: "mset" }).primaryKey(),
  // points per major currency unit of paid product value, before the level multiplier
  points_per_currency_unit: model.bigNumber().default(1),
  // 0 = points from an order are available at once; otherwise pending this many days after payment
  points_pending_days: model.number().default(0),
  points_expiry_mode: model.enum(["rolling_months", "end_of_year", "never"]).default("rolling_months"),
  points_expiry_months: model.number().default(12),
  checkin_base_points: model.number().default(5),
  // { "<streak day>": bonus points }, e.g. { "7": 50 }; null = { "7": 50 }
  checkin_streak_bonuses: model.json().nullable(),
  // points a make-up check-in costs (SPEC §6.3); null = make-up check-ins disabled, 0 = free
  makeup_checkin_cost: model.number().nullable(),
  // how far back a missed day can be made up: null = only days of the current local month
  makeup_checkin_window_days: model.number().nullable(),
  time_zone: model.text().default("Asia/Shanghai"),
  downgrade_policy: model.enum(["never", "yearly"]).default("never"),
  // yearly re-evaluation: at most this many levels down per year
  downgrade_max_levels: model.number().default(1),
  // §6.6: share of the posted shopping fund released to store credit each day
  shopping_fund_daily_release_rate: model.bigNumber().default(0.01),
  // §6.6: extra release when the holder joins another group-draw campaign
  shopping_fund_participation_bonus_rate: model.bigNumber().default(0.05),
  // §6.6: extra release for the referrer when a directly invited friend joins a campaign
  shopping_fund_invite_bonus_rate: model.bigNumber().default(0.02),
})

export default MembershipSetting
