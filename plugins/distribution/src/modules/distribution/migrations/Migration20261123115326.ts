import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123115326 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "team_counter" drop constraint if exists "team_counter_customer_id_unique";`);
    this.addSql(`alter table if exists "referral_ancestor" drop constraint if exists "referral_ancestor_descendant_id_depth_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_customer_id_unique";`);
    this.addSql(`alter table if exists "promoter" drop constraint if exists "promoter_code_unique";`);
    this.addSql(`alter table if exists "promoter" drop constraint if exists "promoter_customer_id_unique";`);
    this.addSql(`alter table if exists "product_commission" drop constraint if exists "product_commission_variant_id_unique";`);
    this.addSql(`alter table if exists "commission_order" drop constraint if exists "commission_order_order_id_unique";`);
    this.addSql(`alter table if exists "commission" drop constraint if exists "commission_posting_key_unique";`);
    this.addSql(`create table if not exists "commission" ("id" text not null, "order_id" text not null, "line_item_id" text null, "product_id" text null, "buyer_id" text not null, "beneficiary_id" text not null, "kind" text check ("kind" in ('sale', 'self_purchase', 'team_leader', 'team_reward')) not null default 'sale', "level" integer not null, "base_amount" numeric not null, "rate" numeric null, "fixed_per_unit" numeric null, "quantity" integer not null default 1, "amount" numeric not null, "reversed_amount" numeric not null default 0, "currency_code" text not null, "status" text check ("status" in ('pending', 'available', 'voided', 'reversed')) not null default 'pending', "posting_key" text not null, "available_at" timestamptz null, "settled_at" timestamptz null, "raw_base_amount" jsonb not null, "raw_rate" jsonb null, "raw_fixed_per_unit" jsonb null, "raw_amount" jsonb not null, "raw_reversed_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_posting_key_unique" ON "commission" ("posting_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_deleted_at" ON "commission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_beneficiary_id_status" ON "commission" ("beneficiary_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_id" ON "commission" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_status_available_at" ON "commission" ("status", "available_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "commission_order" ("id" text not null, "order_id" text not null, "buyer_id" text not null, "currency_code" text not null, "base_total" numeric not null, "product_ids" jsonb null, "refunded_total" numeric not null default 0, "status" text check ("status" in ('placed', 'paid', 'delivered', 'settled', 'canceled')) not null default 'placed', "paid_at" timestamptz null, "delivered_at" timestamptz null, "available_at" timestamptz null, "raw_base_total" jsonb not null, "raw_refunded_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_order_order_id_unique" ON "commission_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_deleted_at" ON "commission_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_status_available_at" ON "commission_order" ("status", "available_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_buyer_id" ON "commission_order" ("buyer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_rank" ("id" text not null, "name" text not null, "position" integer not null default 0, "is_default" boolean not null default false, "is_leader" boolean not null default false, "conditions" jsonb null, "level1_rate" numeric null, "level2_rate" numeric null, "team_reward_amount" numeric null, "leader_share_rate" numeric null, "raw_level1_rate" jsonb null, "raw_level2_rate" jsonb null, "raw_team_reward_amount" jsonb null, "raw_leader_share_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_rank_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_rank_deleted_at" ON "distribution_rank" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "distribution_setting" ("id" text not null, "bind_mode" text check ("bind_mode" in ('on_register', 'on_first_order', 'anytime_until_first_order')) not null default 'anytime_until_first_order', "binding_expiry_days" integer null, "promoter_mode" text check ("promoter_mode" in ('everyone_is_promoter', 'apply', 'auto_after_spend')) not null default 'everyone_is_promoter', "auto_promoter_threshold" numeric not null default 899, "commission_depth" integer not null default 2, "level1_rate" numeric not null default 0.1, "level2_rate" numeric not null default 0.05, "self_purchase_commission" boolean not null default false, "freeze_days" integer not null default 7, "pass_up_count" integer not null default 0, "withdrawal_min_amount" numeric not null default 10, "withdrawal_fee_rate" numeric not null default 0, "withdrawal_daily_limit" integer not null default 3, "share_base_url" text null, "raw_auto_promoter_threshold" jsonb not null default '{"value":"899","precision":20}', "raw_level1_rate" jsonb not null default '{"value":"0.1","precision":20}', "raw_level2_rate" jsonb not null default '{"value":"0.05","precision":20}', "raw_withdrawal_min_amount" jsonb not null default '{"value":"10","precision":20}', "raw_withdrawal_fee_rate" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "distribution_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_distribution_setting_deleted_at" ON "distribution_setting" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "product_commission" ("id" text not null, "product_id" text not null, "variant_id" text null, "mode" text check ("mode" in ('rate', 'fixed', 'excluded')) not null, "level1" numeric null, "level2" numeric null, "raw_level1" jsonb null, "raw_level2" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_commission_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_commission_product_id" ON "product_commission" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_commission_variant_id_unique" ON "product_commission" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_commission_deleted_at" ON "product_commission" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "promoter" ("id" text not null, "customer_id" text not null, "code" text not null, "status" text check ("status" in ('applied', 'active', 'rejected', 'disabled')) not null default 'active', "source" text check ("source" in ('everyone', 'application', 'auto_spend', 'admin')) not null, "rank_id" text null, "rank_overridden" boolean not null default false, "real_name" text null, "phone" text null, "note" text null, "review_reason" text null, "reviewed_by" text null, "reviewed_at" timestamptz null, "activated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promoter_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_promoter_customer_id_unique" ON "promoter" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_promoter_code_unique" ON "promoter" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promoter_deleted_at" ON "promoter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promoter_status" ON "promoter" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promoter_rank_id" ON "promoter" ("rank_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral" ("id" text not null, "customer_id" text not null, "referrer_id" text not null, "source" text check ("source" in ('code', 'link', 'order', 'admin')) not null, "code" text null, "bound_at" timestamptz not null, "expires_at" timestamptz null, "last_purchase_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_customer_id_unique" ON "referral" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_deleted_at" ON "referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referrer_id_bound_at" ON "referral" ("referrer_id", "bound_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_ancestor" ("id" text not null, "ancestor_id" text not null, "descendant_id" text not null, "depth" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_ancestor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_ancestor_deleted_at" ON "referral_ancestor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_ancestor_descendant_id_depth_unique" ON "referral_ancestor" ("descendant_id", "depth") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_ancestor_ancestor_id_depth_descendant_id" ON "referral_ancestor" ("ancestor_id", "depth", "descendant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_event" ("id" text not null, "customer_id" text not null, "referrer_id" text null, "previous_referrer_id" text null, "action" text check ("action" in ('bind', 'rebind', 'expire')) not null, "source" text not null, "reason" text null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_event_deleted_at" ON "referral_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_event_customer_id_created_at" ON "referral_event" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "team_counter" ("id" text not null, "customer_id" text not null, "level1" integer not null default 0, "level2" integer not null default 0, "level3" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "team_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_team_counter_customer_id_unique" ON "team_counter" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_team_counter_deleted_at" ON "team_counter" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "withdrawal" ("id" text not null, "customer_id" text not null, "amount" numeric not null, "fee" numeric not null, "net_amount" numeric not null, "currency_code" text not null, "method" text not null, "account" text null, "status" text check ("status" in ('requested', 'approved', 'paid', 'rejected')) not null default 'requested', "reference" text null, "review_reason" text null, "reviewed_by" text null, "reviewed_at" timestamptz null, "paid_at" timestamptz null, "raw_amount" jsonb not null, "raw_fee" jsonb not null, "raw_net_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "withdrawal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_withdrawal_deleted_at" ON "withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_withdrawal_customer_id_created_at" ON "withdrawal" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_withdrawal_status" ON "withdrawal" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_commission_product_id_unique" ON "product_commission" ("product_id") WHERE variant_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_buyer_id" ON "commission" ("buyer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_created_at" ON "commission" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_paid_at" ON "commission_order" ("paid_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commission" cascade;`);

    this.addSql(`drop table if exists "commission_order" cascade;`);

    this.addSql(`drop table if exists "distribution_rank" cascade;`);

    this.addSql(`drop table if exists "distribution_setting" cascade;`);

    this.addSql(`drop table if exists "product_commission" cascade;`);

    this.addSql(`drop table if exists "promoter" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "referral_ancestor" cascade;`);

    this.addSql(`drop table if exists "referral_event" cascade;`);

    this.addSql(`drop table if exists "team_counter" cascade;`);

    this.addSql(`drop table if exists "withdrawal" cascade;`);
  }

}
