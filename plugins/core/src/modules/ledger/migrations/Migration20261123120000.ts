import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "ledger_account" (
      "id" text not null, "key" text not null,
      "owner_type" text check ("owner_type" in ('customer', 'platform')) not null,
      "owner_id" text not null, "asset" text not null, "currency_code" text null,
      "purpose" text not null default 'main',
      "allow_negative" boolean not null default false, "tracks_lots" boolean not null default false,
      "posted" numeric not null default 0, "raw_posted" jsonb not null default '{"value":"0","precision":20}',
      "pending_in" numeric not null default 0, "raw_pending_in" jsonb not null default '{"value":"0","precision":20}',
      "pending_out" numeric not null default 0, "raw_pending_out" jsonb not null default '{"value":"0","precision":20}',
      "metadata" jsonb null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ledger_account_pkey" primary key ("id"))`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_account_key_unique" ON "ledger_account" (key) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_owner_id" ON "ledger_account" (owner_id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_owner_type_owner_id_asset" ON "ledger_account" (owner_type, owner_id, asset) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_deleted_at" ON "ledger_account" (deleted_at) WHERE deleted_at IS NULL`)

    this.addSql(`create table if not exists "ledger_posting" (
      "id" text not null, "idempotency_key" text not null, "asset" text not null, "currency_code" text null,
      "amount" numeric not null, "raw_amount" jsonb not null,
      "debit_account_id" text not null, "credit_account_id" text not null,
      "status" text check ("status" in ('pending', 'posted', 'voided')) not null default 'posted',
      "reason" text not null, "source_type" text not null, "source_id" text not null, "note" text null,
      "reverses_posting_id" text null, "expires_at" timestamptz null, "is_lot" boolean not null default false,
      "posted_at" timestamptz null, "voided_at" timestamptz null, "metadata" jsonb null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ledger_posting_pkey" primary key ("id"),
      constraint "ledger_posting_amount_positive" check ("amount" > 0))`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_posting_idempotency_key_unique" ON "ledger_posting" (idempotency_key) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_debit_account_id" ON "ledger_posting" (debit_account_id, id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_credit_account_id" ON "ledger_posting" (credit_account_id, id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_reverses_posting_id" ON "ledger_posting" (reverses_posting_id) WHERE deleted_at IS NULL AND reverses_posting_id IS NOT NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_source_type_source_id" ON "ledger_posting" (source_type, source_id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_open_lots" ON "ledger_posting" (credit_account_id, expires_at) WHERE is_lot AND deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_posting_deleted_at" ON "ledger_posting" (deleted_at) WHERE deleted_at IS NULL`)

    this.addSql(`create table if not exists "ledger_lot_allocation" (
      "id" text not null, "posting_id" text not null, "lot_posting_id" text not null, "account_id" text not null,
      "amount" numeric not null, "raw_amount" jsonb not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ledger_lot_allocation_pkey" primary key ("id"))`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_lot_allocation_posting_id" ON "ledger_lot_allocation" (posting_id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_lot_allocation_lot_posting_id" ON "ledger_lot_allocation" (lot_posting_id) WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_lot_allocation_deleted_at" ON "ledger_lot_allocation" (deleted_at) WHERE deleted_at IS NULL`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ledger_lot_allocation" cascade`)
    this.addSql(`drop table if exists "ledger_posting" cascade`)
    this.addSql(`drop table if exists "ledger_account" cascade`)
  }
}
