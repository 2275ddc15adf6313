import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Bulk postings (`store/bulk.ts`, `store/expiry.ts`) write ~1,000,000 postings and
 * counter updates in one run (bench/README.md "Rebates"):
 * - `IDX_ledger_posting_deleted_at` / `IDX_ledger_account_deleted_at` are Medusa's
 *   default soft-delete indexes, `(deleted_at) WHERE deleted_at IS NULL`: every live
 *   row has the same key (NULL), so no lookup is narrowed by them, yet every insert
 *   (and every non-HOT counter update) writes an entry. Every other index is partial
 *   on `deleted_at IS NULL` already.
 * - `ledger_account` gets fillfactor 80: a counter update changes no indexed column, so
 *   with room on the page it is a HOT update (no entry in the account's 4 indexes);
 *   at 100 % every update of a freshly filled page went to a new page and all indexes.
 *   Applies to pages written from now on.
 */
export class Migration20261202150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_posting_deleted_at"`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_account_deleted_at"`)
    this.addSql(`ALTER TABLE "ledger_account" SET (fillfactor = 80)`)
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "ledger_account" RESET (fillfactor)`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_deleted_at" ON "ledger_account" (deleted_at) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_deleted_at" ON "ledger_posting" (deleted_at) WHERE deleted_at IS NULL`)
  }
}
