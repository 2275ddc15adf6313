import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { bothFunction, movementEffectSql, newBucketId, raw, TRIGGER_FUNCTIONS, triggerFunction } from "../store/posting-triggers"

/**
 * Maintained movement buckets (`ledger_movement_bucket`, models/ledger-movement-bucket.ts).
 *
 * The Growth overview (GET /admin/fission/growth) sums the customer↔platform movements of
 * today and the last 30 local days; summed from postings that is a range scan over a month
 * of postings, linear in the ledger's traffic. The sums are now kept per asset, currency,
 * kind and 15-minute bucket of the posted time (`COALESCE(posted_at, created_at)`), so a
 * window is the sum of its buckets (store/movements.ts `platformMovements`).
 *
 * - Kept by the platform-total triggers of Migration20261203180000, not a second trigger:
 *   their functions are replaced by ones that, per statement, add both effects — the
 *   platform accounts' (unchanged SQL) and the buckets' — to shards. Same rules for a
 *   bucket shard as for a total's: the first shard of the bucket that no other transaction
 *   holds (`FOR UPDATE SKIP LOCKED`), else a new one, so no posting waits for another and
 *   the current bucket is no hot row.
 * - Which postings count, and their kind, exactly as the query over postings they replace
 *   (`PLATFORM_MOVEMENTS_SQL`, store/movements.ts): posted, not soft-deleted, between a
 *   customer's main account and a platform account. A statement's effect is its new rows
 *   minus its old rows, so settle (pending → posted), soft delete and restore move them.
 * - Up to 1,000 rows the accounts are found by primary key; above, by hashed look-ups in
 *   the platform accounts and the customer accounts that are not `main` (both few; the
 *   partial index below finds them), so a million-row insert joins no account at all.
 * - The migration first locks out writers of `ledger_posting` (SHARE ROW EXCLUSIVE, what
 *   CREATE TRIGGER took in Migration20261203180000; replacing a function takes no table
 *   lock) until its transaction commits: postings in flight commit before it starts, so the
 *   backfill's snapshot has them, and every later posting runs the new functions. No
 *   posting is counted twice or missed.
 */
export class Migration20261204020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`LOCK TABLE ledger_posting IN SHARE ROW EXCLUSIVE MODE`)
    this.addSql(`create table if not exists "ledger_movement_bucket" (
      "id" text not null, "asset" text not null, "currency_code" text null,
      "kind" text check ("kind" in ('earned', 'returned', 'expired', 'reversed', 'spent')) not null,
      "bucket_at" timestamptz not null,
      "total" numeric not null default 0, "raw_total" jsonb not null default '{"value":"0","precision":20}',
      "count" integer not null default 0,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ledger_movement_bucket_pkey" primary key ("id"))`)
    // Shard updates change no indexed column: with room on the page they are HOT.
    this.addSql(`ALTER TABLE "ledger_movement_bucket" SET (fillfactor = 50)`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_movement_bucket_bucket_at_asset_kind" ON "ledger_movement_bucket" (bucket_at, asset, kind) WHERE deleted_at IS NULL`)
    // The accounts a bulk statement's hashed look-up needs (platform and debt accounts), without a pass over all accounts.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_not_customer_main" ON "ledger_account" (id) WHERE owner_type = 'platform' OR purpose <> 'main'`)

    this.addSql(`CREATE OR REPLACE FUNCTION fission_ledger_movement_bucket_add(p_asset text, p_currency text, p_kind text, p_at timestamptz, p_total numeric, p_count integer)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  -- the first shard of the bucket no other transaction holds (this transaction's own are not skipped)
  UPDATE ledger_movement_bucket b
     SET total = b.total + p_total, raw_total = ${raw("b.total + p_total")}, count = b.count + p_count, updated_at = now()
   WHERE b.id = (SELECT s.id FROM ledger_movement_bucket s
                  WHERE s.bucket_at = p_at AND s.asset = p_asset AND s.kind = p_kind
                    AND s.currency_code IS NOT DISTINCT FROM p_currency AND s.deleted_at IS NULL
                  ORDER BY s.id LIMIT 1 FOR UPDATE SKIP LOCKED);
  IF NOT FOUND THEN
    INSERT INTO ledger_movement_bucket (id, asset, currency_code, kind, bucket_at, total, raw_total, count)
    VALUES (${newBucketId}, p_asset, p_currency, p_kind, p_at, p_total, ${raw("p_total")}, p_count);
  END IF;
END $fn$`)
    for (const [name, probe, sources] of TRIGGER_FUNCTIONS) this.addSql(bothFunction(name, probe, sources))
    this.addSql(`CREATE OR REPLACE FUNCTION fission_ledger_posting_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ledger_platform_total;
  DELETE FROM ledger_movement_bucket;
  RETURN NULL;
END $fn$`)

    // Backfill: one shard per bucket with what its postings sum to (replacing any earlier run's).
    this.addSql(`DELETE FROM ledger_movement_bucket`)
    this.addSql(`INSERT INTO ledger_movement_bucket (id, asset, currency_code, kind, bucket_at, total, raw_total, count)
      SELECT ${newBucketId}, m.asset, m.currency_code, m.kind, m.bucket_at, m.total, ${raw("m.total")}, m.count
        FROM (${movementEffectSql([["ledger_posting", 1]], false)}) m`)
  }

  override async down(): Promise<void> {
    // the totals-only functions of Migration20261203180000
    for (const [name, probe, sources] of TRIGGER_FUNCTIONS) this.addSql(triggerFunction(name, probe, sources))
    this.addSql(`CREATE OR REPLACE FUNCTION fission_ledger_posting_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ledger_platform_total;
  RETURN NULL;
END $fn$`)
    this.addSql(`DROP FUNCTION IF EXISTS fission_ledger_movement_bucket_add(text, text, text, timestamptz, numeric, integer)`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_ledger_account_not_customer_main"`)
    this.addSql(`drop table if exists "ledger_movement_bucket" cascade`)
  }
}
