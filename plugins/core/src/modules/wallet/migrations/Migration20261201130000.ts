import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Hand-written; matches the DDL Medusa derives from models/*.ts.
const RAW_ZERO = `'{"value":"0","precision":20}'`
const stamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`

export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "fission_wallet_payment" ("id" text not null, "idempotency_key" text not null, "customer_id" text not null, "currency_code" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "refunded_amount" numeric not null default 0, "raw_refunded_amount" jsonb not null default ${RAW_ZERO}, "status" text check ("status" in ('pending', 'succeeded', 'failed', 'reversed')) not null default 'pending', "store_credit_account_id" text null, "transaction_id" text null, "failure_reason" text null, "source_type" text null, "source_id" text null, "note" text null, "metadata" jsonb null, ${stamps}, constraint "fission_wallet_payment_pkey" primary key ("id"), constraint "fission_wallet_payment_refunded_le_amount" check ("refunded_amount" >= 0 and "refunded_amount" <= "amount"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_deleted_at" ON "fission_wallet_payment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_key_unique" ON "fission_wallet_payment" ("idempotency_key") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_customer" ON "fission_wallet_payment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_source" ON "fission_wallet_payment" ("source_type", "source_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "fission_wallet_payment_refund" ("id" text not null, "wallet_payment_id" text not null, "idempotency_key" text not null, "customer_id" text not null, "currency_code" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "status" text check ("status" in ('pending', 'succeeded')) not null default 'pending', "transaction_id" text null, "reason" text null, "note" text null, ${stamps}, constraint "fission_wallet_payment_refund_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_refund_deleted_at" ON "fission_wallet_payment_refund" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_refund_key_unique" ON "fission_wallet_payment_refund" ("idempotency_key") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_payment_refund_payment" ON "fission_wallet_payment_refund" ("wallet_payment_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "fission_wallet_top_up" ("id" text not null, "line_item_id" text not null, "order_id" text not null, "customer_id" text not null, "currency_code" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "status" text check ("status" in ('pending', 'credited')) not null default 'pending', "transaction_id" text null, "credited_at" timestamptz null, ${stamps}, constraint "fission_wallet_top_up_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_top_up_deleted_at" ON "fission_wallet_top_up" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fission_wallet_top_up_line_unique" ON "fission_wallet_top_up" ("line_item_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_top_up_order" ON "fission_wallet_top_up" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_wallet_top_up_customer" ON "fission_wallet_top_up" ("customer_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fission_wallet_top_up" cascade;`)
    this.addSql(`drop table if exists "fission_wallet_payment_refund" cascade;`)
    this.addSql(`drop table if exists "fission_wallet_payment" cascade;`)
  }
}
