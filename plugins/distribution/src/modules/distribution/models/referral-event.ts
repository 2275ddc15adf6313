import { model } from "@medusajs/framework/utils"

/** Append-only audit of every bind, rebind and expiry. */
const ReferralEvent = model
  .define("referral_event", {
    id: model.id({ prefix: "refev" }).primaryKey(),
    customer_id: model.text(),
    referrer_id: model.text().nullable(),
    previous_referrer_id: model.text().nullable(),
    action: model.enum(["bind", "rebind", "expire"]),
    source: model.text(),
    reason: model.text().nullable(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }])

export default ReferralEvent
