import { model } from "@medusajs/framework/utils"

/**
 * A pre-sale campaign (SPEC §5.1): one variant sold at a tier price that drops by `step_amount`
 * every `step_interval` participants (at most `max_steps` times); every participant is refunded
 * down to the final tier, and one free order is drawn every `free_interval` participants.
 * Amounts in the currency's major unit. The rules are frozen once the first participant has paid.
 *
 * `participants_count` is decided in Postgres when a payment is captured (row lock, see
 * ../participants.ts); `draws_done` advances with a conditional update per round (../draws.ts).
 */
const PresaleCampaign = model
  .define("presale_campaign", {
    id: model.id({ prefix: "psc" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    product_id: model.text(),
    variant_id: model.text(),
    currency_code: model.text(),
    base_price: model.bigNumber(),
    step_amount: model.bigNumber(),
    step_interval: model.number(),
    max_steps: model.number(),
    free_interval: model.number().nullable(),
    min_participants: model.number().nullable(),
    max_participants: model.number().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime(),
    shipping_date: model.dateTime().nullable(),
    refund_destination: model.enum(["original_payment", "store_credit"]).default("original_payment"),
    refund_timing: model.enum(["each_step", "at_close"]).default("each_step"),
    status: model.enum(["draft", "active", "closed", "failed", "canceled"]).default("draft"),
    participants_count: model.number().default(0),
    // the free-order seed chain, committed when the campaign starts (SPEC §0.5)
    draw_rounds: model.number().default(0),
    chain_head: model.text().nullable(),
    draws_done: model.number().default(0),
    closed_at: model.dateTime().nullable(),
    close_reason: model.text().nullable(),
  })
  .indexes([{ on: ["status", "ends_at"] }, { on: ["variant_id"] }, { on: ["product_id"] }])

export default PresaleCampaign
