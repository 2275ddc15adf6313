import { model } from "@medusajs/framework/utils"

/** A customer's one referrer (SPEC §2.2). Rebinding updates it and appends a referral_event. */
const Referral = model
  .define("referral", {
    id: model.id({ prefix: "ref" }).primaryKey(),
    customer_id: model.text().unique(),
    referrer_id: model.text(),
    source: model.enum(["code", "link", "order", "admin"]),
    code: model.text().nullable(),
    bound_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    last_purchase_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["referrer_id", "bound_at"] }])

export default Referral
