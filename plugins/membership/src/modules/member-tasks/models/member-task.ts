import { model } from "@medusajs/framework/utils"

/**
 * A configurable member task (SPEC §6.4): what completes it (`kind` + `params`),
 * what it pays (points / growth / a coupon from a template promotion), how often
 * (`repeat_rule` + `cap`), when (`starts_at`..`ends_at`, `is_active`) and whether
 * the reward is paid at once or waits for the shopper's claim.
 */
const MemberTask = model
  .define("member_task", {
    id: model.id({ prefix: "mtask" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    kind: model.enum([
      "first_purchase_within_days",
      "invite_register",
      "invite_purchase",
      "share",
      "repurchase_within_days",
      "complete_profile",
      "review_product",
    ]),
    // kind options: { days } for the *_within_days kinds, { fields } for complete_profile
    params: model.json().nullable(),
    reward_points: model.number().default(0),
    reward_growth: model.number().default(0),
    // template promotion copied into a personal coupon on completion
    reward_promotion_id: model.text().nullable(),
    repeat_rule: model.enum(["once", "daily", "unlimited"]).default("once"),
    // most completions per customer over all time (daily / unlimited); null = no cap
    cap: model.number().nullable(),
    completion_mode: model.enum(["auto", "claim"]).default("auto"),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    is_active: model.boolean().default(true),
    position: model.number().default(0),
  })
  .indexes([{ on: ["kind", "is_active"] }])

export default MemberTask
