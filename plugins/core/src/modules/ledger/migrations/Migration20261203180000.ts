import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { newId, platformEffectSql, raw, triggerFunction } from "../store/posting-triggers"

/**
 * Maintained platform balances (`ledger_platform_total`, models/ledger-platform-total.ts).
 *
 * Platform balances used to be summed from postings on every read (1.1 s at 1,000,000
 * postings, linear). They are now kept in shards updated by triggers on `ledger_posting`,
 * in the transaction of the statement that changes postings, so every write path keeps
 * them exact without calling anything: single postings, settle/void, reversals, debt
 * repayment, and the set-based paths (store/bulk.ts, store/expiry.ts, bench loaders)
 * whose one INSERT of a million rows adds one sum per platform account.
 *
 * - Statement-level triggers with transition tables: per statement, the effect of the
 *   new rows minus the old rows on each platform account, by the same rules as the
 *   derived balances (`DERIVED` in store/reports.ts), added to one shard.
 * - The shard is one that no other transaction holds (`FOR UPDATE SKIP LOCKED`, its own
 *   count as free), else a new one: a posting never waits for another, so concurrent
 *   postings to one platform account are not serialised, and no lock order exists to
 *   deadlock on. Shards stay as many as the most transactions that held the account's
 *   shards at once. A read sums them in one statement (one snapshot): exactly the
 *   postings committed in that snapshot.
 * - Up to 1,000 rows the effect runs a cached plan; above, it is planned for the
 *   statement's row count (EXECUTE), so a bulk insert hash-joins its rows to the few
 *   platform accounts instead of probing accounts row by row.
 * - Existing ledgers are backfilled below, after the triggers exist: CREATE TRIGGER locks
 *   out writers of `ledger_posting` until this migration's transaction commits, so no
 *   posting is counted twice or missed.
 */
export class Migration20261203180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "ledger_platform_total" (
      "id" text not null, "account_id" text not null,
      "posted" numeric not null default 0, "raw_posted" jsonb not null default '{"value":"0","precision":20}',
      "pending_in" numeric not null default 0, "raw_pending_in" jsonb not null default '{"value":"0","precision":20}',
      "pending_out" numeric not null default 0, "raw_pending_out" jsonb not null default '{"value":"0","precision":20}',
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ledger_platform_total_pkey" primary key ("id"))`)
    // Shard updates change no indexed column: with room on the page they are HOT.
    this.addSql(`ALTER TABLE "ledger_platform_total" SET (fillfactor = 50)`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_platform_total_account_id" ON "ledger_platform_total" (account_id) WHERE deleted_at IS NULL`)

    this.addSql(`CREATE OR REPLACE FUNCTION fission_ledger_platform_total_add(p_account text, p_posted numeric, p_in numeric, p_out numeric)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  -- the first shard no other transaction holds (this transaction's own are not skipped)
  UPDATE ledger_platform_total t
     SET posted = t.posted + p_posted, raw_posted = ${raw("t.posted + p_posted")},
         pending_in = t.pending_in + p_in, raw_pending_in = ${raw("t.pending_in + p_in")},
         pending_out = t.pending_out + p_out, raw_pending_out = ${raw("t.pending_out + p_out")},
         updated_at = now()
   WHERE t.id = (SELECT s.id FROM ledger_platform_total s WHERE s.account_id = p_account AND s.deleted_at IS NULL
                  ORDER BY s.id LIMIT 1 FOR UPDATE SKIP LOCKED);
  IF NOT FOUND THEN
    INSERT INTO ledger_platform_total (id, account_id, posted, raw_posted, pending_in, raw_pending_in, pending_out, raw_pending_out)
    VALUES (${newId}, p_account, p_posted, ${raw("p_posted")}, p_in, ${raw("p_in")}, p_out, ${raw("p_out")});
  END IF;
END $fn$`)
    this.addSql(triggerFunction("fission_ledger_posting_totals_insert", "new_rows", [["new_rows", 1]]))
    this.addSql(triggerFunction("fission_ledger_posting_totals_update", "new_rows", [["new_rows", 1], ["old_rows", -1]]))
    this.addSql(triggerFunction("fission_ledger_posting_totals_delete", "old_rows", [["old_rows", -1]]))
    this.addSql(`CREATE OR REPLACE FUNCTION fission_ledger_posting_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ledger_platform_total;
  RETURN NULL;
END $fn$`)

    this.addSql(`DROP TRIGGER IF EXISTS fission_platform_totals_insert ON ledger_posting`)
    this.addSql(`CREATE TRIGGER fission_platform_totals_insert AFTER INSERT ON ledger_posting
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fission_ledger_posting_totals_insert()`)
    this.addSql(`DROP TRIGGER IF EXISTS fission_platform_totals_update ON ledger_posting`)
    this.addSql(`CREATE TRIGGER fission_platform_totals_update AFTER UPDATE ON ledger_posting
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fission_ledger_posting_totals_update()`)
    this.addSql(`DROP TRIGGER IF EXISTS fission_platform_totals_delete ON ledger_posting`)
    this.addSql(`CREATE TRIGGER fission_platform_totals_delete AFTER DELETE ON ledger_posting
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fission_ledger_posting_totals_delete()`)
    this.addSql(`DROP TRIGGER IF EXISTS fission_platform_totals_truncate ON ledger_posting`)
    this.addSql(`CREATE TRIGGER fission_platform_totals_truncate AFTER TRUNCATE ON ledger_posting
      FOR EACH STATEMENT EXECUTE FUNCTION fission_ledger_posting_totals_truncate()`)

    // Backfill: one shard per platform account with what its postings sum to (replacing any earlier run's).
    this.addSql(`DELETE FROM ledger_platform_total`)
    this.addSql(`INSERT INTO ledger_platform_total (id, account_id, posted, raw_posted, pending_in, raw_pending_in, pending_out, raw_pending_out)
      SELECT ${newId}, d.account_id, d.posted, ${raw("d.posted")}, d.pending_in, ${raw("d.pending_in")}, d.pending_out, ${raw("d.pending_out")}
        FROM (${platformEffectSql([["ledger_posting", 1]], false)}) d`)
  }

  override async down(): Promise<void> {
    for (const op of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`DROP TRIGGER IF EXISTS fission_platform_totals_${op} ON ledger_posting`)
      this.addSql(`DROP FUNCTION IF EXISTS fission_ledger_posting_totals_${op}()`)
    }
    this.addSql(`DROP FUNCTION IF EXISTS fission_ledger_platform_total_add(text, numeric, numeric, numeric)`)
    this.addSql(`drop table if exists "ledger_platform_total" cascade`)
  }
}
