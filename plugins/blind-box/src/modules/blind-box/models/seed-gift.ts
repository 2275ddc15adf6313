import { model } from "@medusajs/framework/utils"

/**
 * A seed-user gift (SPEC §7.1): one of the first `seed_gift_limit` registered customers
 * of a template; `slot` is 1..limit, taken with a conditional update of the template's
 * counter, so racing registrations cannot exceed the limit.
 */
const BlindBoxSeedGift = model
  .define("blind_box_seed_gift", {
    id: model.id({ prefix: "bbsg" }).primaryKey(),
    template_id: model.text(),
    customer_id: model.text(),
    slot: model.number(),
    amount: model.bigNumber(),
    posted_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["template_id", "customer_id"], unique: true },
    { on: ["template_id", "slot"], unique: true },
  ])

export default BlindBoxSeedGift
