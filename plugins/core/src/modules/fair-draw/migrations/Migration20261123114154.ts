import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Hand-written; matches the DDL Medusa derives from models/fair-draw.ts.
export class Migration20261123114154 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "fair_draw" ("id" text not null, "kind" text check ("kind" in ('pick', 'position', 'split', 'weighted')) not null, "source_type" text not null, "source_id" text not null, "round" integer not null default 0, "status" text check ("status" in ('committed', 'drawn')) not null default 'committed', "commitment" text not null, "seed" text not null, "inputs" jsonb null, "outcome" jsonb null, "drawn_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fair_draw_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fair_draw_deleted_at" ON "fair_draw" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    // One draw per (source, round): makes commit idempotent (INSERT … ON CONFLICT DO NOTHING).
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fair_draw_source_round_unique" ON "fair_draw" ("source_type", "source_id", "round") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fair_draw_status" ON "fair_draw" ("status") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fair_draw" cascade;`)
  }
}
