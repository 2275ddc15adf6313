import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Index for the per-asset reports over posted movements in a time window
 * (`store/movements.ts`, e.g. points issued/spent per month over every customer).
 * Those queries filter on `asset`, `status = 'posted'` and the posted time
 * `COALESCE(posted_at, created_at)`, so the index is on exactly that expression and
 * partial on exactly that predicate — a plain (asset, posted_at) index would not
 * serve a COALESCE range, and would carry pending and voided rows for nothing.
 */
export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_asset_posted_at" ON "ledger_posting" (asset, (COALESCE(posted_at, created_at))) WHERE status = 'posted' AND deleted_at IS NULL`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_posting_asset_posted_at"`)
  }
}
