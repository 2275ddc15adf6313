import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * `listReversalsByReason` walks posted reversals in posting order every sweep; reversals
 * are a small share of all postings, so a partial index keeps the walk off the table.
 */
export class Migration20261203150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_reversal_posted_at" ON "ledger_posting" ((COALESCE(posted_at, created_at)), id) WHERE reverses_posting_id IS NOT NULL AND status = 'posted' AND deleted_at IS NULL`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_posting_reversal_posted_at"`)
  }
}
