import { model } from "@medusajs/framework/utils"

/**
 * The store's compliance guardrails (SPEC §0.6): one row, created lazily with
 * the defaults by the service. `scope` is unique so two first reads racing to
 * create the row cannot produce two. The check constraints repeat the hard
 * legal limits so not even a direct write can store 3 commission levels.
 */
export const ComplianceSetting = model
  .define(
    { tableName: "fission_compliance_setting", name: "ComplianceSetting" },
    {
      id: model.id({ prefix: "fcmp" }).primaryKey(),
      scope: model.text().unique(),
      max_commission_levels: model.number(),
      max_team_condition_depth: model.number(),
      lottery_prize_cap: model.bigNumber(),
      blind_box_price_cap: model.bigNumber(),
      blind_box_min_age: model.number(),
      guardian_consent_below_age: model.number(),
      blind_box_daily_spend_limit: model.bigNumber().nullable(),
    }
  )
  .checks([
    {
      name: "fission_compliance_setting_commission_levels_check",
      expression: (c) => `${c.max_commission_levels} between 1 and 2`,
    },
    {
      name: "fission_compliance_setting_team_depth_check",
      expression: (c) => `${c.max_team_condition_depth} between 1 and 3`,
    },
    {
      name: "fission_compliance_setting_lottery_cap_check",
      expression: (c) => `${c.lottery_prize_cap} > 0 and ${c.lottery_prize_cap} <= 50000`,
    },
    {
      name: "fission_compliance_setting_blind_box_cap_check",
      expression: (c) => `${c.blind_box_price_cap} > 0 and ${c.blind_box_price_cap} <= 200`,
    },
    {
      name: "fission_compliance_setting_min_age_check",
      expression: (c) => `${c.blind_box_min_age} >= 8 and ${c.guardian_consent_below_age} >= ${c.blind_box_min_age}`,
    },
  ])
