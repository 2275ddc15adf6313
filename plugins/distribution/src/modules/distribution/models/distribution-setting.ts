import { model } from "@medusajs/framework/utils"

/** The store's distribution rules (SPEC §2); one row, created with defaults on first read. */
const DistributionSetting = model.define("distribution_setting", {
  id: model.id({ prefix: "dset" }).primaryKey(),
  bind_mode: model.enum(["on_register", "on_first_order", "anytime_until_first_order"]).default("anytime_until_first_order"),
  // null = a binding never expires
  binding_expiry_days: model.number().nullable(),
  promoter_mode: model.enum(["everyone_is_promoter", "apply", "auto_after_spend"]).default("everyone_is_promoter"),
  auto_promoter_threshold: model.bigNumber().default(899),
  // 1 or 2, never above the compliance cap
  commission_depth: model.number().default(2),
  level1_rate: model.bigNumber().default(0.1),
  level2_rate: model.bigNumber().default(0.05),
  self_purchase_commission: model.boolean().default(false),
  freeze_days: model.number().default(7),
  pass_up_count: model.number().default(0),
  withdrawal_min_amount: model.bigNumber().default(10),
  withdrawal_fee_rate: model.bigNumber().default(0),
  withdrawal_daily_limit: model.number().default(3),
  share_base_url: model.text().nullable(),
})

export default DistributionSetting
