import { model } from "@medusajs/framework/utils"

/**
 * One balance of one asset for one owner. Customer accounts carry maintained
 * counters (updated in the same statement that checks them); platform accounts
 * are the other side of most postings, so their counters here stay 0 and their
 * balance is kept in shards instead (`ledger_platform_total`), which no posting
 * waits for: no hot platform row serialises the ledger.
 */
const LedgerAccount = model
  .define("ledger_account", {
    id: model.id({ prefix: "lacc" }).primaryKey(),
    // `${owner_type}:${owner_id}:${asset}:${currency_code ?? "-"}:${purpose}` — the get-or-create key.
    key: model.text().unique(),
    owner_type: model.enum(["customer", "platform"]),
    owner_id: model.text().index(),
    asset: model.text(),
    currency_code: model.text().nullable(),
    // "main", or "debt": the shortfall of a reversal that found the balance already spent (SPEC §0.4).
    purpose: model.text().default("main"),
    allow_negative: model.boolean().default(false),
    tracks_lots: model.boolean().default(false),
    posted: model.bigNumber().default(0),
    pending_in: model.bigNumber().default(0),
    pending_out: model.bigNumber().default(0),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["owner_type", "owner_id", "asset"] }])

export default LedgerAccount
