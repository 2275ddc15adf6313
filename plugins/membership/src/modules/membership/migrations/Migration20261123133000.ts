import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123133000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_setting" add column if not exists "shopping_fund_daily_release_rate" numeric not null default 0.01, add column if not exists "shopping_fund_participation_bonus_rate" numeric not null default 0.05, add column if not exists "shopping_fund_invite_bonus_rate" numeric not null default 0.02, add column if not exists "raw_shopping_fund_daily_release_rate" jsonb not null default '{"value":"0.01","precision":20}', add column if not exists "raw_shopping_fund_participation_bonus_rate" jsonb not null default '{"value":"0.05","precision":20}', add column if not exists "raw_shopping_fund_invite_bonus_rate" jsonb not null default '{"value":"0.02","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "membership_setting" drop column if exists "shopping_fund_daily_release_rate", drop column if exists "shopping_fund_participation_bonus_rate", drop column if exists "shopping_fund_invite_bonus_rate", drop column if exists "raw_shopping_fund_daily_release_rate", drop column if exists "raw_shopping_fund_participation_bonus_rate", drop column if exists "raw_shopping_fund_invite_bonus_rate";`);
  }

}
