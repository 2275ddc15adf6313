import { model } from "@medusajs/framework/utils"

/**
 * A paid participation: one order (unique) with its participant number (1, 2, …, the join
 * order at payment capture). `paid` is what the buyer paid for the pre-sale line;
 * `refund_requested` is the total of refunds asked for so far (owed − this is what the engine
 * still issues); `refunded` what core's refund requests confirmed. A free-order winner has
 * `won_round`: their net price is 0.
 */
const PresaleParticipant = model
  .define("presale_participant", {
    id: model.id({ prefix: "psp" }).primaryKey(),
    campaign_id: model.text(),
    customer_id: model.text(),
    order_id: model.text().unique(),
    line_item_id: model.text().nullable(),
    number: model.number(),
    client_seed: model.text().nullable(),
    paid: model.bigNumber(),
    refund_requested: model.bigNumber().default(0),
    refunded: model.bigNumber().default(0),
    won_round: model.number().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "number"], unique: true },
    { on: ["customer_id", "campaign_id"] },
  ])

export default PresaleParticipant
