import { model } from "@medusajs/framework/utils"

/**
 * One shard of a platform account's maintained balance. A platform account is the
 * other side of most postings, so one counter row would serialise the ledger; instead
 * an account has a few shards and its balance is their sum. The shards are written
 * only by the triggers of Migration20261203180000, in the transaction of the posting
 * that moves them: each statement that changes postings adds its effect to a shard no
 * other transaction holds (`FOR UPDATE SKIP LOCKED`), or to a new shard when all are
 * held, so no posting ever waits for another (store/platform-totals.ts).
 */
const LedgerPlatformTotal = model.define("ledger_platform_total", {
  id: model.id({ prefix: "lptot" }).primaryKey(),
  account_id: model.text().index(),
  posted: model.bigNumber().default(0),
  pending_in: model.bigNumber().default(0),
  pending_out: model.bigNumber().default(0),
})

export default LedgerPlatformTotal
