import { model } from "@medusajs/framework/utils"

/**
 * One coupon granted to one customer (a Medusa promotion copied from a template).
 * The unique idempotency key makes a replayed grant return the same code.
 */
const CouponGrant = model
  .define("coupon_grant", {
    id: model.id({ prefix: "cgrt" }).primaryKey(),
    idempotency_key: model.text().unique(),
    customer_id: model.text(),
    template_promotion_id: model.text(),
    promotion_id: model.text().nullable(),
    code: model.text(),
    reason: model.text(),
    // pending while the promotion is being created, granted once it exists
    status: model.enum(["pending", "granted"]).default("pending"),
  })
  .indexes([{ on: ["customer_id"] }])

export default CouponGrant
