import { model } from "@medusajs/framework/utils"

/**
 * One open of a campaign: `reserved` while its wallet payment runs, then numbered
 * (`lost` or `won`, `number` = 1, 2, … in the order Postgres decided), or `released`
 * when the payment failed (nothing charged). `settled_at` is set once its payouts
 * (initiator share, consolation vouchers, referrer reward) are posted.
 */
const BlindBoxOpen = model
  .define("blind_box_open", {
    id: model.id({ prefix: "bbo" }).primaryKey(),
    campaign_id: model.text(),
    customer_id: model.text(),
    idempotency_key: model.text().nullable(),
    status: model.enum(["reserved", "lost", "won", "released"]).default("reserved"),
    number: model.number().nullable(),
    amount: model.bigNumber(),
    spend_day: model.text(),
    wallet_payment_id: model.text().nullable(),
    failure_reason: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "number"], unique: true, where: "number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["campaign_id", "customer_id", "idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id"] },
    { on: ["status"], where: "status = 'reserved' OR settled_at IS NULL" },
  ])

export default BlindBoxOpen
