import { model } from "@medusajs/framework/utils"

/**
 * A request to give money back on an order, made by a campaign for one cause
 * (`cause_key`, unique: asking twice for the same cause returns the first request).
 *
 * - `mode: "partial"` refunds `amount` across the order's captured payments with
 *   Medusa's `refundPaymentWorkflow` (or, with `destination: "store_credit"`, credits
 *   it to the customer's loyalty store credit);
 * - `mode: "cancel"` cancels the order with `cancelOrderWorkflow`, which refunds
 *   whatever is still captured (or voids an authorized payment).
 *
 * pending → processing → succeeded, or → failed (retried by the sweep job at
 * `next_attempt_at`; null once `max_attempts` are used up). `processing` is a lease
 * (`locked_until`): a process that died mid-attempt leaves it to be reclaimed.
 */
const RefundRequest = model
  .define("fission_refund_request", {
    id: model.id({ prefix: "frr" }).primaryKey(),
    cause_key: model.text(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    mode: model.enum(["partial", "cancel"]),
    destination: model.enum(["original_payment", "store_credit"]).default("original_payment"),
    // partial: what to refund in the currency's major unit; cancel: null (everything still captured)
    amount: model.bigNumber().nullable(),
    currency_code: model.text(),
    // what this request has refunded so far (cancel: the order's refunded total once canceled)
    refunded_amount: model.bigNumber().default(0),
    status: model.enum(["pending", "processing", "succeeded", "failed"]).default("pending"),
    attempts: model.number().default(0),
    max_attempts: model.number().default(10),
    last_error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    succeeded_at: model.dateTime().nullable(),
    // who asked and why: campaign plugins filter by these, never by reading other tables
    source_type: model.text(),
    source_id: model.text(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    // [{ type: "payment_refund" | "store_credit" | "order_cancel", id, amount }]
    refunds: model.json().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_fission_refund_request_cause_key_unique", on: ["cause_key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_fission_refund_request_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_fission_refund_request_source", on: ["source_type", "source_id"], where: "deleted_at IS NULL" },
    { name: "IDX_fission_refund_request_status_created", on: ["status", "created_at"], where: "deleted_at IS NULL" },
  ])

export default RefundRequest
