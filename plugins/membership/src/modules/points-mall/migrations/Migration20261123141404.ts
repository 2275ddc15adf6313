import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123141404 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mall_redemption" drop constraint if exists "mall_redemption_idempotency_key_unique";`);
    this.addSql(`alter table if exists "mall_item_usage" drop constraint if exists "mall_item_usage_item_id_customer_id_unique";`);
    this.addSql(`alter table if exists "coupon_grant" drop constraint if exists "coupon_grant_idempotency_key_unique";`);
    this.addSql(`alter table if exists "cart_points_hold" drop constraint if exists "cart_points_hold_cart_id_line_item_id_unique";`);
    this.addSql(`create table if not exists "cart_points_hold" ("id" text not null, "cart_id" text not null, "line_item_id" text not null, "item_id" text not null, "customer_id" text not null, "variant_id" text not null, "quantity" integer not null, "points" integer not null, "currency_code" text not null, "discount_per_unit" numeric not null, "promotion_id" text null, "promotion_code" text null, "ledger_key" text not null, "status" text check ("status" in ('reserved', 'placed', 'released', 'returned')) not null default 'reserved', "order_id" text null, "raw_discount_per_unit" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_points_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_points_hold_deleted_at" ON "cart_points_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cart_points_hold_cart_id_line_item_id_unique" ON "cart_points_hold" ("cart_id", "line_item_id") WHERE status = 'reserved' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_points_hold_order_id" ON "cart_points_hold" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_points_hold_status_updated_at" ON "cart_points_hold" ("status", "updated_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "coupon_grant" ("id" text not null, "idempotency_key" text not null, "customer_id" text not null, "template_promotion_id" text not null, "promotion_id" text null, "code" text not null, "reason" text not null, "status" text check ("status" in ('pending', 'granted')) not null default 'pending', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_grant_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_coupon_grant_idempotency_key_unique" ON "coupon_grant" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_grant_deleted_at" ON "coupon_grant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_grant_customer_id" ON "coupon_grant" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "coupon_rule" ("id" text not null, "name" text not null, "trigger" text check ("trigger" in ('order_paid')) not null default 'order_paid', "template_promotion_id" text not null, "min_order_total" numeric null, "is_active" boolean not null default true, "raw_min_order_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "coupon_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_coupon_rule_deleted_at" ON "coupon_rule" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mall_item" ("id" text not null, "title" text not null, "description" text null, "kind" text check ("kind" in ('coupon', 'product', 'store_credit')) not null, "points_cost" integer not null, "template_promotion_id" text null, "variant_id" text null, "cash_price" numeric null, "credit_amount" numeric null, "currency_code" text null, "stock" integer null, "per_customer_limit" integer null, "allowed_level_ids" jsonb null, "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "redeemed_count" integer not null default 0, "raw_cash_price" jsonb null, "raw_credit_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mall_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_item_deleted_at" ON "mall_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_item_kind" ON "mall_item" ("kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_item_variant_id" ON "mall_item" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mall_item_usage" ("id" text not null, "item_id" text not null, "customer_id" text not null, "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mall_item_usage_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_item_usage_deleted_at" ON "mall_item_usage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mall_item_usage_item_id_customer_id_unique" ON "mall_item_usage" ("item_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mall_redemption" ("id" text not null, "idempotency_key" text not null, "item_id" text not null, "customer_id" text not null, "kind" text not null, "points" integer not null, "status" text check ("status" in ('pending', 'completed')) not null default 'pending', "promotion_id" text null, "code" text null, "credit_amount" numeric null, "currency_code" text null, "raw_credit_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mall_redemption_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mall_redemption_idempotency_key_unique" ON "mall_redemption" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_redemption_deleted_at" ON "mall_redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_redemption_customer_id" ON "mall_redemption" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mall_redemption_item_id" ON "mall_redemption" ("item_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_points_hold" cascade;`);

    this.addSql(`drop table if exists "coupon_grant" cascade;`);

    this.addSql(`drop table if exists "coupon_rule" cascade;`);

    this.addSql(`drop table if exists "mall_item" cascade;`);

    this.addSql(`drop table if exists "mall_item_usage" cascade;`);

    this.addSql(`drop table if exists "mall_redemption" cascade;`);
  }

}
