import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202051000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "presale_campaign" ("id" text not null, "title" text not null, "description" text null, "product_id" text not null, "variant_id" text not null, "currency_code" text not null, "base_price" numeric not null, "step_amount" numeric not null, "step_interval" integer not null, "max_steps" integer not null, "free_interval" integer null, "min_participants" integer null, "max_participants" integer null, "starts_at" timestamptz null, "ends_at" timestamptz not null, "shipping_date" timestamptz null, "refund_destination" text check ("refund_destination" in ('original_payment', 'store_credit')) not null default 'original_payment', "refund_timing" text check ("refund_timing" in ('each_step', 'at_close')) not null default 'each_step', "status" text check ("status" in ('draft', 'active', 'closed', 'failed', 'canceled')) not null default 'draft', "participants_count" integer not null default 0, "draw_rounds" integer not null default 0, "chain_head" text null, "draws_done" integer not null default 0, "closed_at" timestamptz null, "close_reason" text null, "raw_base_price" jsonb not null, "raw_step_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_campaign_pkey" primary key ("id"), constraint "presale_campaign_count_check" check ("participants_count" >= 0 and ("max_participants" is null or "participants_count" <= "max_participants")), constraint "presale_campaign_draws_check" check ("draws_done" >= 0 and "draws_done" <= "draw_rounds"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_deleted_at" ON "presale_campaign" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_status_ends_at" ON "presale_campaign" ("status", "ends_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_variant_id" ON "presale_campaign" ("variant_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_campaign_product_id" ON "presale_campaign" ("product_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "presale_participant" ("id" text not null, "campaign_id" text not null, "customer_id" text not null, "order_id" text not null, "line_item_id" text null, "number" integer not null, "client_seed" text null, "paid" numeric not null, "refund_requested" numeric not null default 0, "refunded" numeric not null default 0, "won_round" integer null, "raw_paid" jsonb not null, "raw_refund_requested" jsonb not null default '{"value":"0","precision":20}', "raw_refunded" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_participant_pkey" primary key ("id"), constraint "presale_participant_refund_check" check ("refund_requested" >= 0 and "refund_requested" <= "paid"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_participant_order_id_unique" ON "presale_participant" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_participant_deleted_at" ON "presale_participant" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_participant_campaign_id_number_unique" ON "presale_participant" ("campaign_id", "number") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_participant_customer_id_campaign_id" ON "presale_participant" ("customer_id", "campaign_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "presale_refund" ("id" text not null, "campaign_id" text not null, "participant_id" text null, "order_id" text not null, "cause_key" text not null, "kind" text check ("kind" in ('step', 'free', 'close', 'full', 'late')) not null, "mode" text check ("mode" in ('partial', 'cancel')) not null default 'partial', "destination" text check ("destination" in ('original_payment', 'store_credit')) not null default 'original_payment', "amount" numeric null, "status" text check ("status" in ('pending', 'requested', 'succeeded', 'failed')) not null default 'pending', "request_id" text null, "refunded_amount" numeric null, "raw_amount" jsonb null, "raw_refunded_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_refund_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_refund_cause_key_unique" ON "presale_refund" ("cause_key") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_refund_deleted_at" ON "presale_refund" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_refund_campaign_id_status" ON "presale_refund" ("campaign_id", "status") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_refund_participant_id" ON "presale_refund" ("participant_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_refund_order_id" ON "presale_refund" ("order_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "presale_draw" ("id" text not null, "campaign_id" text not null, "round" integer not null, "draw_id" text not null, "threshold" integer not null, "entrants" integer null, "winner_participant_id" text null, "digest" text null, "drawn_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "presale_draw_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_presale_draw_campaign_id_round_unique" ON "presale_draw" ("campaign_id", "round") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_presale_draw_deleted_at" ON "presale_draw" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "presale_draw" cascade;`)
    this.addSql(`drop table if exists "presale_refund" cascade;`)
    this.addSql(`drop table if exists "presale_participant" cascade;`)
    this.addSql(`drop table if exists "presale_campaign" cascade;`)
  }
}
