import { z } from "@medusajs/framework/zod"

// Types only; the ranges (2 levels, 50,000, 200, 8, 18) are checked by
// validateComplianceSettings so the API, the service and other plugins share
// one rule set and one wording. Unknown fields (e.g. promoter_fee_allowed)
// are rejected by Medusa's strict body validation.
const amount = z.union([z.number(), z.string()])

export const AdminUpdateComplianceSettings = z.strictObject({
  max_commission_levels: z.number().optional(),
  max_team_condition_depth: z.number().optional(),
  lottery_prize_cap: amount.optional(),
  blind_box_price_cap: amount.optional(),
  blind_box_min_age: z.number().optional(),
  guardian_consent_below_age: z.number().optional(),
  blind_box_daily_spend_limit: amount.nullable().optional(),
})

export type AdminUpdateComplianceSettingsType = z.infer<typeof AdminUpdateComplianceSettings>
