import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Hand-written; matches the columns models/fair-draw.ts adds for fission-draw/v2.
export class Migration20261201230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fair_draw" add column if not exists "version" text null;`)
    this.addSql(`alter table if exists "fair_draw" add column if not exists "chain_head" text null;`)
    this.addSql(`alter table if exists "fair_draw" add column if not exists "chain_length" integer null;`)
    // Every outcome stored so far was computed by fission-draw/v1 (no digest).
    this.addSql(`update "fair_draw" set "version" = 'fission-draw/v1' where "status" = 'drawn' and "version" is null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "fair_draw" drop column if exists "chain_length";`)
    this.addSql(`alter table if exists "fair_draw" drop column if exists "chain_head";`)
    this.addSql(`alter table if exists "fair_draw" drop column if exists "version";`)
  }
}
