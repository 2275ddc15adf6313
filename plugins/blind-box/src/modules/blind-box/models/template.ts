import { model } from "@medusajs/framework/utils"

/**
 * A blind-box template (SPEC §7.1): the prize (a product variant and its value), the boxes,
 * what initiating and opening cost, what the initiator, the losers, the winner and the
 * referrers get. Amounts are in the currency's major unit (vouchers: the `voucher` ledger
 * asset). The economic terms freeze once a campaign of the template started (`frozen_at`);
 * every campaign also copies them, so what a shopper was shown is what applies.
 */
const BlindBoxTemplate = model
  .define("blind_box_template", {
    id: model.id({ prefix: "bbt" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    status: model.enum(["draft", "active", "archived"]).default("draft"),
    product_id: model.text(),
    variant_id: model.text(),
    currency_code: model.text(),
    prize_value: model.bigNumber(),
    // what the prize costs the store (economics preview only; defaults to the value)
    prize_cost: model.bigNumber().nullable(),
    boxes: model.number(),
    initiation_cash: model.bigNumber(),
    initiation_vouchers: model.bigNumber().default(0),
    open_price: model.bigNumber(),
    initiator_share: model.bigNumber(),
    no_win_opens: model.number().default(0),
    // the winner may take these vouchers instead of the product; null = product only
    winner_vouchers: model.bigNumber().nullable(),
    consolation_vouchers: model.bigNumber().default(0),
    seed_gift_vouchers: model.bigNumber().default(0),
    seed_gift_limit: model.number().default(0),
    seed_gifts_given: model.number().default(0),
    referrer_reward_initiation: model.bigNumber().default(0),
    leader_reward_initiation: model.bigNumber().default(0),
    referrer_reward_open: model.bigNumber().default(0),
    frozen_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"] }])

export default BlindBoxTemplate
