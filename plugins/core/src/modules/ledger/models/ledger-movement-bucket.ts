import { model } from "@medusajs/framework/utils"

/**
 * One shard of the customer↔platform movements of one asset, currency and kind in one
 * 15-minute bucket (`bucket_at`, its start in UTC): their summed amount and count. Any
 * store time zone's day is a union of 15-minute buckets (every zone's offset is a
 * multiple of 15 minutes), so the Growth overview sums buckets instead of postings
 * (store/movements.ts `platformMovements`). Written only by the `ledger_posting`
 * triggers (Migration20261204020000), in the transaction of the statement that changes
 * postings, to a shard no other transaction holds (`FOR UPDATE SKIP LOCKED`) or a new one:
 * the current bucket is never a hot row that postings wait for.
 */
const LedgerMovementBucket = model
  .define("ledger_movement_bucket", {
    id: model.id({ prefix: "lmvb" }).primaryKey(),
    asset: model.text(),
    currency_code: model.text().nullable(),
    kind: model.enum(["earned", "returned", "expired", "reversed", "spent"]),
    bucket_at: model.dateTime(),
    total: model.bigNumber().default(0),
    count: model.number().default(0),
  })
  .indexes([{ on: ["bucket_at", "asset", "kind"] }])

export default LedgerMovementBucket
