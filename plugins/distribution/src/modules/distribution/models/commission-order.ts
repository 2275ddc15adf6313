import { model } from "@medusajs/framework/utils"

/**
 * An order's progress through the lifecycle as far as commissions care:
 * placed → paid → delivered/completed (+ freeze days) → settled; or canceled.
 */
const CommissionOrder = model
  .define("commission_order", {
    id: model.id({ prefix: "cord" }).primaryKey(),
    order_id: model.text().unique(),
    buyer_id: model.text(),
    currency_code: model.text(),
    base_total: model.bigNumber(),
    // products bought, for rank conditions such as "2 direct referrals who bought the package"
    product_ids: model.json().nullable(),
    refunded_total: model.bigNumber().default(0),
    status: model.enum(["placed", "paid", "delivered", "settled", "canceled"]).default("placed"),
    paid_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    available_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["status", "available_at"] },
    { on: ["buyer_id"] },
    { on: ["paid_at"] },
    // a member's paid orders in a period, one index probe each: the referral directory's
    // "active members per level" (team conditions at 1,000,000 members, SPEC §3.1)
    { on: ["buyer_id", "paid_at"] },
  ])

export default CommissionOrder
