import { model } from "@medusajs/framework/utils"

/**
 * Money of a wallet payment given back to store credit (reference
 * `fission_wallet_payment_refund`, reference_id = this id). One per `idempotency_key`.
 * Reserved (`pending`) together with the payment's `refunded_amount` in one transaction,
 * then credited once.
 */
const WalletPaymentRefund = model
  .define("fission_wallet_payment_refund", {
    id: model.id({ prefix: "fwref" }).primaryKey(),
    wallet_payment_id: model.text(),
    idempotency_key: model.text(),
    customer_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum(["pending", "succeeded"]).default("pending"),
    transaction_id: model.text().nullable(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_fission_wallet_payment_refund_key_unique", on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_fission_wallet_payment_refund_payment", on: ["wallet_payment_id"], where: "deleted_at IS NULL" },
  ])

export default WalletPaymentRefund
