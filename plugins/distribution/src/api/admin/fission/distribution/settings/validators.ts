import { z } from "@medusajs/framework/zod"

// Types only; ranges and the legal 2-level cap are checked by
// validateDistributionSettings (utils/referral/settings.ts) so every caller
// shares one rule set and one wording. Unknown fields are rejected.
const decimal = z.union([z.number(), z.string()])

export const AdminUpdateDistributionSettings = z.strictObject({
  bind_mode: z.enum(["on_register", "on_first_order", "anytime_until_first_order"]).optional(),
  binding_expiry_days: z.number().nullable().optional(),
  promoter_mode: z.enum(["everyone_is_promoter", "apply", "auto_after_spend"]).optional(),
  auto_promoter_threshold: decimal.optional(),
  commission_depth: z.number().optional(),
  level1_rate: decimal.optional(),
  level2_rate: decimal.optional(),
  self_purchase_commission: z.boolean().optional(),
  freeze_days: z.number().optional(),
  pass_up_count: z.number().optional(),
  withdrawal_min_amount: decimal.optional(),
  withdrawal_fee_rate: decimal.optional(),
  withdrawal_daily_limit: z.number().optional(),
  share_base_url: z.string().max(2000, "share_base_url must be at most 2000 characters").nullable().optional(),
})
export type AdminUpdateDistributionSettingsType = z.infer<typeof AdminUpdateDistributionSettings>
