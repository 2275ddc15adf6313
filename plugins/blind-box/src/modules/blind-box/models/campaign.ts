import { model } from "@medusajs/framework/utils"

/**
 * One initiated blind box (SPEC §7.2), with a copy of its template's terms. Opens are
 * numbered by `opens_count` (a conditional update, see ../opens.ts); `opens_reserved`
 * counts opens being paid for, so no one pays for an open beyond the prize.
 * `prize_position` is the committed draw's outcome, secret until the prize is won.
 * initiating → open → won; `failed` when the initiation could not be paid.
 */
const BlindBoxCampaign = model
  .define("blind_box_campaign", {
    id: model.id({ prefix: "bbx" }).primaryKey(),
    template_id: model.text(),
    initiator_id: model.text(),
    idempotency_key: model.text().nullable(),
    client_seed: model.text().nullable(),
    status: model.enum(["initiating", "open", "won", "failed"]).default("initiating"),
    currency_code: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    prize_value: model.bigNumber(),
    boxes: model.number(),
    no_win_opens: model.number(),
    initiation_cash: model.bigNumber(),
    initiation_vouchers: model.bigNumber(),
    open_price: model.bigNumber(),
    initiator_share: model.bigNumber(),
    winner_vouchers: model.bigNumber().nullable(),
    consolation_vouchers: model.bigNumber(),
    referrer_reward_initiation: model.bigNumber(),
    leader_reward_initiation: model.bigNumber(),
    referrer_reward_open: model.bigNumber(),
    opens_count: model.number().default(0),
    opens_reserved: model.number().default(0),
    prize_position: model.number().nullable(),
    draw_id: model.text().nullable(),
    commitment: model.text().nullable(),
    initiation_payment_id: model.text().nullable(),
    rewards_paid_at: model.dateTime().nullable(),
    winner_id: model.text().nullable(),
    winning_open_id: model.text().nullable(),
    won_at: model.dateTime().nullable(),
    revealed_at: model.dateTime().nullable(),
    claim: model.enum(["none", "product", "vouchers"]).default("none"),
    claim_order_id: model.text().nullable(),
    claimed_at: model.dateTime().nullable(),
    failure_reason: model.text().nullable(),
  })
  .indexes([
    { on: ["status"] },
    { on: ["template_id"] },
    { on: ["initiator_id"] },
    { on: ["initiator_id", "idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
  ])

export default BlindBoxCampaign
