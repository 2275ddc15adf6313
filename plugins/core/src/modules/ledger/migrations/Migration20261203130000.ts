import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Points expiry (`store/expiry.ts`) writes one lot allocation per expired lot,
 * ~1,000,000 in one daily run (bench/README.md "Points expiry").
 * `IDX_ledger_lot_allocation_deleted_at` is Medusa's default soft-delete index,
 * `(deleted_at) WHERE deleted_at IS NULL`: every live row has the same key (NULL), so
 * no lookup is narrowed by it, yet every insert writes an entry — the same reasoning
 * as Migration20261202150000 for postings and accounts. Every lookup of allocations
 * goes by `posting_id` or `lot_posting_id` (both indexed, partial on live rows).
 */
export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_lot_allocation_deleted_at"`)
  }

  override async down(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ledger_lot_allocation_deleted_at" ON "ledger_lot_allocation" (deleted_at) WHERE deleted_at IS NULL`
    )
  }
}
