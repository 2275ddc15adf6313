import { model } from "@medusajs/framework/utils"

/** The store's rebate rules (SPEC §3); one row, created with the defaults on first read. */
const RebateSetting = model.define("rebate_setting", {
  id: model.id({ prefix: "rbset" }).primaryKey(),
  // the month of an order and of the close is the local month here
  time_zone: model.text().default("Asia/Shanghai"),
  // null: the store's default currency
  currency_code: model.text().nullable(),
  // §3.3: the local day the month closes (the last day in shorter months)
  close_day: model.number().default(30),
  pool_mode: model.enum(["fixed", "gmv_rate"]).default("gmv_rate"),
  pool_amount: model.bigNumber().default(0),
  pool_rate: model.bigNumber().default(0.03),
  // holders with MORE than this many dividend points share the pool
  pool_threshold: model.number().default(3000),
  payout_destination: model.enum(["commission", "store_credit"]).default("commission"),
  // what a close does with the points the month's holders used: keep (default) or reset to 0
  points_after_close: model.enum(["keep", "reset"]).default("keep"),
  // §3.4 classic tiered rebate, closed with the month
  tiered_enabled: model.boolean().default(false),
  // [{ min_spend, rate }]
  tiered_tiers: model.json().nullable(),
  // keyset of the team-award sweep over the ledger: { at, id } of the last team reward seen
  team_award_cursor: model.json().nullable(),
  // keyset of the same sweep over reversals of team rewards
  team_award_reversal_cursor: model.json().nullable(),
})

export default RebateSetting
