import { z } from "@medusajs/framework/zod"

// Types only; ranges are checked by validateMembershipSettings (utils/settings.ts)
// so every caller shares one rule set and one wording. Unknown fields are rejected.
export const AdminUpdateMembershipSettings = z.strictObject({
  points_per_currency_unit: z.union([z.number(), z.string()]).optional(),
  points_pending_days: z.number().optional(),
  points_expiry_mode: z.enum(["rolling_months", "end_of_year", "never"]).optional(),
  points_expiry_months: z.number().optional(),
  checkin_base_points: z.number().optional(),
  checkin_streak_bonuses: z.record(z.string(), z.number()).nullable().optional(),
  makeup_checkin_cost: z.number().nullable().optional(),
  makeup_checkin_window_days: z.number().nullable().optional(),
  downgrade_max_levels: z.number().optional(),
  time_zone: z.string().optional(),
  downgrade_policy: z.enum(["never", "yearly"]).optional(),
  shopping_fund_daily_release_rate: z.union([z.number(), z.string()]).optional(),
  shopping_fund_participation_bonus_rate: z.union([z.number(), z.string()]).optional(),
  shopping_fund_invite_bonus_rate: z.union([z.number(), z.string()]).optional(),
})
export type AdminUpdateMembershipSettingsType = z.infer<typeof AdminUpdateMembershipSettings>
