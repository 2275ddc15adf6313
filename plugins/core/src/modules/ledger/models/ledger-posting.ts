import { model } from "@medusajs/framework/utils"

/**
 * An append-only movement of `amount` of one asset from `debit_account_id` to
 * `credit_account_id`. Only `status` moves, once, from pending to posted or voided;
 * corrections are new postings that reference the original (`reverses_posting_id`).
 */
const LedgerPosting = model
  .define("ledger_posting", {
    id: model.id({ prefix: "lpst" }).primaryKey(),
    idempotency_key: model.text().unique(),
    asset: model.text(),
    currency_code: model.text().nullable(),
    amount: model.bigNumber(),
    debit_account_id: model.text().index(),
    credit_account_id: model.text().index(),
    status: model.enum(["pending", "posted", "voided"]).default("posted"),
    reason: model.text(),
    source_type: model.text(),
    source_id: model.text(),
    note: model.text().nullable(),
    reverses_posting_id: model.text().index().nullable(),
    // Set on credits to lot-tracked assets: the lot expires then (null = never).
    expires_at: model.dateTime().nullable(),
    is_lot: model.boolean().default(false),
    posted_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["source_type", "source_id"] }])

export default LedgerPosting
