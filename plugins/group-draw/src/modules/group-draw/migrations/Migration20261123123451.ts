import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123123451 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "group_draw_member" drop constraint if exists "group_draw_member_group_id_seat_unique";`);
    this.addSql(`alter table if exists "group_draw_member" drop constraint if exists "group_draw_member_order_id_unique";`);
    this.addSql(`create table if not exists "group_draw_campaign" ("id" text not null, "title" text not null, "description" text null, "product_id" text not null, "variant_id" text not null, "price" numeric not null, "currency_code" text not null, "group_size" integer not null, "winners" integer not null, "duration_hours" integer not null default 24, "loser_reward" numeric not null default 0, "red_envelope_amount" numeric not null default 0, "red_envelope_split" text check ("red_envelope_split" in ('random', 'equal')) not null default 'random', "winner_shopping_fund_ratio" numeric not null default 0, "visibility" text check ("visibility" in ('open', 'private')) not null default 'open', "max_groups_per_customer_per_day" integer null, "allow_early_draw" boolean not null default false, "status" text check ("status" in ('draft', 'active', 'ended')) not null default 'draft', "starts_at" timestamptz null, "ends_at" timestamptz null, "raw_price" jsonb not null, "raw_loser_reward" jsonb not null default '{"value":"0","precision":20}', "raw_red_envelope_amount" jsonb not null default '{"value":"0","precision":20}', "raw_winner_shopping_fund_ratio" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_draw_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_campaign_deleted_at" ON "group_draw_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_campaign_status" ON "group_draw_campaign" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_campaign_variant_id" ON "group_draw_campaign" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "group_draw_group" ("id" text not null, "campaign_id" text not null, "status" text check ("status" in ('open', 'full', 'drawn', 'refunding', 'completed', 'failed')) not null default 'open', "seats_taken" integer not null default 0, "size" integer not null, "winners" integer not null, "expires_at" timestamptz not null, "draw_id" text null, "envelope_draw_id" text null, "opened_by" text null, "drawn_at" timestamptz null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_draw_group_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_deleted_at" ON "group_draw_group" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_campaign_id_status" ON "group_draw_group" ("campaign_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_status_expires_at" ON "group_draw_group" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_opened_by" ON "group_draw_group" ("opened_by") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "group_draw_member" ("id" text not null, "group_id" text not null, "campaign_id" text not null, "customer_id" text not null, "order_id" text not null, "line_item_id" text null, "client_seed" text null, "seat" integer not null, "status" text check ("status" in ('paid', 'won', 'lost', 'refunded')) not null default 'paid', "refund_status" text check ("refund_status" in ('none', 'pending', 'refunded', 'failed')) not null default 'none', "refund_attempts" integer not null default 0, "refund_error" text null, "envelope_share" numeric null, "raw_envelope_share" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_draw_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_draw_member_order_id_unique" ON "group_draw_member" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_member_deleted_at" ON "group_draw_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_draw_member_group_id_seat_unique" ON "group_draw_member" ("group_id", "seat") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_member_customer_id_campaign_id" ON "group_draw_member" ("customer_id", "campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_member_refund_status" ON "group_draw_member" ("refund_status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "group_draw_campaign" cascade;`);

    this.addSql(`drop table if exists "group_draw_group" cascade;`);

    this.addSql(`drop table if exists "group_draw_member" cascade;`);
  }

}
