import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Hand-written; matches the DDL Medusa derives from models/refund-request.ts, plus the two
// partial indexes the sweep job reads (due retries, expired leases).
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "fission_refund_request" ("id" text not null, "cause_key" text not null, "order_id" text not null, "customer_id" text null, "mode" text check ("mode" in ('partial', 'cancel')) not null, "destination" text check ("destination" in ('original_payment', 'store_credit')) not null default 'original_payment', "amount" numeric null, "raw_amount" jsonb null, "currency_code" text not null, "refunded_amount" numeric not null default 0, "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}', "status" text check ("status" in ('pending', 'processing', 'succeeded', 'failed')) not null default 'pending', "attempts" integer not null default 0, "max_attempts" integer not null default 10, "last_error" text null, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "succeeded_at" timestamptz null, "source_type" text not null, "source_id" text not null, "reason" text null, "note" text null, "refunds" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fission_refund_request_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_deleted_at" ON "fission_refund_request" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    // One request per cause: creation is INSERT … ON CONFLICT DO NOTHING.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fission_refund_request_cause_key_unique" ON "fission_refund_request" ("cause_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_order_id" ON "fission_refund_request" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_source" ON "fission_refund_request" ("source_type", "source_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_status_created" ON "fission_refund_request" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
    // The sweep's two questions, each answered from a small partial index.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_due" ON "fission_refund_request" ("next_attempt_at") WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fission_refund_request_lease" ON "fission_refund_request" ("locked_until") WHERE status = 'processing' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fission_refund_request" cascade;`)
  }
}
