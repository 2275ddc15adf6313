import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123141235 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "group_draw_campaign" add column if not exists "allow_shopper_groups" boolean not null default false, add column if not exists "shopper_group_size_min" integer null, add column if not exists "shopper_group_size_max" integer null, add column if not exists "shopper_winners_min" integer null, add column if not exists "shopper_winners_max" integer null, add column if not exists "shopper_duration_hours_max" integer null, add column if not exists "allow_private_groups" boolean not null default false;`);

    this.addSql(`alter table if exists "group_draw_group" add column if not exists "duration_hours" integer not null default 24, add column if not exists "visibility" text check ("visibility" in ('open', 'private')) not null default 'open', add column if not exists "shopper_defined" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "group_draw_campaign" drop column if exists "allow_shopper_groups", drop column if exists "shopper_group_size_min", drop column if exists "shopper_group_size_max", drop column if exists "shopper_winners_min", drop column if exists "shopper_winners_max", drop column if exists "shopper_duration_hours_max", drop column if exists "allow_private_groups";`);

    this.addSql(`alter table if exists "group_draw_group" drop column if exists "duration_hours", drop column if exists "visibility", drop column if exists "shopper_defined";`);
  }

}
