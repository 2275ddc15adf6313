import { model } from "@medusajs/framework/utils"

/**
 * A group-draw campaign (SPEC §4.1): groups of `group_size` buyers of one variant at
 * `price`; `winners` of them keep their order, the others are canceled and refunded
 * and get `loser_reward` store credit; every member gets a share of the red envelope.
 * Amounts are in the currency's major unit.
 */
const GroupDrawCampaign = model
  .define("group_draw_campaign", {
    id: model.id({ prefix: "gdc" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    product_id: model.text(),
    variant_id: model.text(),
    price: model.bigNumber(),
    currency_code: model.text(),
    group_size: model.number(),
    winners: model.number(),
    duration_hours: model.number().default(24),
    loser_reward: model.bigNumber().default(0),
    red_envelope_amount: model.bigNumber().default(0),
    red_envelope_split: model.enum(["random", "equal"]).default("random"),
    // share of the price credited to each winner as locked shopping fund (0..1)
    winner_shopping_fund_ratio: model.bigNumber().default(0),
    visibility: model.enum(["open", "private"]).default("open"),
    max_groups_per_customer_per_day: model.number().nullable(),
    // a group not full at its deadline is drawn with the members present if ≥ winners + 1
    allow_early_draw: model.boolean().default(false),
    // shopper-defined groups (SPEC §4.1 "within admin limits"): when allowed, a shopper opening a
    // group may choose its size, winners, duration and visibility inside these bounds
    allow_shopper_groups: model.boolean().default(false),
    shopper_group_size_min: model.number().nullable(),
    shopper_group_size_max: model.number().nullable(),
    shopper_winners_min: model.number().nullable(),
    shopper_winners_max: model.number().nullable(),
    shopper_duration_hours_max: model.number().nullable(),
    allow_private_groups: model.boolean().default(false),
    status: model.enum(["draft", "active", "ended"]).default("draft"),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"] }, { on: ["variant_id"] }])

export default GroupDrawCampaign
