import { model } from "@medusajs/framework/utils"

/**
 * A payment from a customer's loyalty store-credit balance outside a cart (e.g. a
 * blind-box open). One per `idempotency_key` (unique): a replay returns it. Recorded
 * `pending` before the store-credit debit (reference `fission_wallet_payment`, reference_id
 * = this id), so a crash in between is resumed by a replay without a second debit.
 * pending → succeeded (debited) | failed (not covered, nothing taken; a replay tries
 * again) ; succeeded → reversed (a later step of the calling workflow failed).
 */
const WalletPayment = model
  .define("fission_wallet_payment", {
    id: model.id({ prefix: "fwpay" }).primaryKey(),
    idempotency_key: model.text(),
    customer_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    // refunded back to store credit so far (never more than amount: a conditional update)
    refunded_amount: model.bigNumber().default(0),
    status: model.enum(["pending", "succeeded", "failed", "reversed"]).default("pending"),
    store_credit_account_id: model.text().nullable(),
    transaction_id: model.text().nullable(),
    failure_reason: model.text().nullable(),
    source_type: model.text().nullable(),
    source_id: model.text().nullable(),
    note: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_fission_wallet_payment_key_unique", on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_fission_wallet_payment_customer", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_fission_wallet_payment_source", on: ["source_type", "source_id"], where: "deleted_at IS NULL" },
  ])

export default WalletPayment
