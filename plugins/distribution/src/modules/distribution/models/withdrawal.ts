import { model } from "@medusajs/framework/utils"

/** A promoter's request to cash out available commission (SPEC §2.6). */
const Withdrawal = model
  .define("withdrawal", {
    id: model.id({ prefix: "wdr" }).primaryKey(),
    customer_id: model.text(),
    amount: model.bigNumber(),
    fee: model.bigNumber(),
    net_amount: model.bigNumber(),
    currency_code: model.text(),
    method: model.text(),
    account: model.text().nullable(),
    status: model.enum(["requested", "approved", "paid", "rejected"]).default("requested"),
    reference: model.text().nullable(),
    review_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["status"] }])

export default Withdrawal
