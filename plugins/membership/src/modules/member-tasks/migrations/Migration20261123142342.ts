import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123142342 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "task_completion" drop constraint if exists "task_completion_completion_key_unique";`);
    this.addSql(`alter table if exists "product_review" drop constraint if exists "product_review_customer_id_product_id_unique";`);
    this.addSql(`create table if not exists "member_task" ("id" text not null, "title" text not null, "description" text null, "kind" text check ("kind" in ('first_purchase_within_days', 'invite_register', 'invite_purchase', 'share', 'repurchase_within_days', 'complete_profile', 'review_product')) not null, "params" jsonb null, "reward_points" integer not null default 0, "reward_growth" integer not null default 0, "reward_promotion_id" text null, "repeat_rule" text check ("repeat_rule" in ('once', 'daily', 'unlimited')) not null default 'once', "cap" integer null, "completion_mode" text check ("completion_mode" in ('auto', 'claim')) not null default 'auto', "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "position" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_task_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_task_deleted_at" ON "member_task" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_task_kind_is_active" ON "member_task" ("kind", "is_active") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "product_review" ("id" text not null, "customer_id" text not null, "product_id" text not null, "order_id" text not null, "rating" integer not null, "content" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_review_deleted_at" ON "product_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_review_customer_id_product_id_unique" ON "product_review" ("customer_id", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_review_product_id_created_at" ON "product_review" ("product_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "task_completion" ("id" text not null, "task_id" text not null, "customer_id" text not null, "completion_key" text not null, "status" text check ("status" in ('claimable', 'completed')) not null, "local_date" text not null, "cause_type" text not null, "cause_id" text not null, "points" integer not null default 0, "growth" integer not null default 0, "reward_promotion_id" text null, "coupon_promotion_id" text null, "coupon_code" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "task_completion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_task_completion_deleted_at" ON "task_completion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_task_completion_completion_key_unique" ON "task_completion" ("completion_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_task_completion_task_id_customer_id_status" ON "task_completion" ("task_id", "customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_task_completion_customer_id_created_at" ON "task_completion" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "member_task" cascade;`);

    this.addSql(`drop table if exists "product_review" cascade;`);

    this.addSql(`drop table if exists "task_completion" cascade;`);
  }

}
