import { model } from "@medusajs/framework/utils"

/** A redemption of a coupon or store-credit item for points (SPEC §6.5). */
const MallRedemption = model
  .define("mall_redemption", {
    id: model.id({ prefix: "mred" }).primaryKey(),
    idempotency_key: model.text().unique(),
    item_id: model.text(),
    customer_id: model.text(),
    kind: model.text(),
    points: model.number(),
    status: model.enum(["pending", "completed"]).default("pending"),
    promotion_id: model.text().nullable(),
    code: model.text().nullable(),
    credit_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["item_id"] }])

export default MallRedemption
