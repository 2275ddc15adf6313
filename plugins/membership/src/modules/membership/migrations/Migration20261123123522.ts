import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123123522 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_order" drop constraint if exists "membership_order_order_id_unique";`);
    this.addSql(`alter table if exists "member_profile" drop constraint if exists "member_profile_customer_id_unique";`);
    this.addSql(`alter table if exists "check_in" drop constraint if exists "check_in_customer_id_local_date_unique";`);
    this.addSql(`create table if not exists "check_in" ("id" text not null, "customer_id" text not null, "local_date" text not null, "streak" integer not null, "points" integer not null, "is_makeup" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "check_in_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_check_in_deleted_at" ON "check_in" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_check_in_customer_id_local_date_unique" ON "check_in" ("customer_id", "local_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "level_change" ("id" text not null, "customer_id" text not null, "from_level_id" text null, "to_level_id" text null, "growth" integer not null, "reason" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "level_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_level_change_deleted_at" ON "level_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_level_change_customer_id" ON "level_change" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_level" ("id" text not null, "name" text not null, "position" integer not null default 0, "growth_threshold" integer not null default 0, "points_multiplier" numeric not null default 1, "customer_group_id" text null, "free_shipping_threshold" numeric null, "birthday_points" integer not null default 0, "description" text null, "raw_points_multiplier" jsonb not null default '{"value":"1","precision":20}', "raw_free_shipping_threshold" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_level_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_level_deleted_at" ON "member_level" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_level_growth_threshold" ON "member_level" ("growth_threshold") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member_profile" ("id" text not null, "customer_id" text not null, "level_id" text null, "growth" integer not null default 0, "level_changed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_profile_customer_id_unique" ON "member_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_profile_deleted_at" ON "member_profile" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership_order" ("id" text not null, "order_id" text not null, "customer_id" text not null, "currency_code" text not null, "base_total" numeric not null, "lines" jsonb null, "points" integer not null, "growth" integer not null, "points_key" text null, "growth_key" text null, "status" text check ("status" in ('pending', 'released', 'canceled')) not null default 'pending', "available_at" timestamptz null, "raw_base_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_order_order_id_unique" ON "membership_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_order_deleted_at" ON "membership_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_order_status_available_at" ON "membership_order" ("status", "available_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_order_customer_id" ON "membership_order" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership_setting" ("id" text not null, "points_per_currency_unit" numeric not null default 1, "points_pending_days" integer not null default 0, "points_expiry_mode" text check ("points_expiry_mode" in ('rolling_months', 'end_of_year', 'never')) not null default 'rolling_months', "points_expiry_months" integer not null default 12, "checkin_base_points" integer not null default 5, "checkin_streak_bonuses" jsonb null, "makeup_checkin_cost" integer not null default 0, "time_zone" text not null default 'Asia/Shanghai', "downgrade_policy" text check ("downgrade_policy" in ('never', 'yearly')) not null default 'never', "raw_points_per_currency_unit" jsonb not null default '{"value":"1","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_setting_deleted_at" ON "membership_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "check_in" cascade;`);

    this.addSql(`drop table if exists "level_change" cascade;`);

    this.addSql(`drop table if exists "member_level" cascade;`);

    this.addSql(`drop table if exists "member_profile" cascade;`);

    this.addSql(`drop table if exists "membership_order" cascade;`);

    this.addSql(`drop table if exists "membership_setting" cascade;`);
  }

}
