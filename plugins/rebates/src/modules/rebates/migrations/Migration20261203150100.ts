import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Team awards follow reversals of their commission (SPEC §0.4): what was reversed, the points given back. */
export class Migration20261203150100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rebate_team_award" add column if not exists "reversed_amount" numeric not null default 0, add column if not exists "raw_reversed_amount" jsonb not null default '{"value":"0","precision":20}', add column if not exists "points_returned" integer not null default 0;`)
    this.addSql(`alter table if exists "rebate_team_award" drop constraint if exists "rebate_team_award_status_check";`)
    this.addSql(`alter table if exists "rebate_team_award" add constraint "rebate_team_award_status_check" check ("status" in ('consumed', 'frozen', 'released', 'reversed'));`)
    this.addSql(`alter table if exists "rebate_setting" add column if not exists "team_award_reversal_cursor" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "rebate_setting" drop column if exists "team_award_reversal_cursor";`)
    this.addSql(`alter table if exists "rebate_team_award" drop constraint if exists "rebate_team_award_status_check";`)
    this.addSql(`alter table if exists "rebate_team_award" add constraint "rebate_team_award_status_check" check ("status" in ('consumed', 'frozen', 'released'));`)
    this.addSql(`alter table if exists "rebate_team_award" drop column if exists "reversed_amount", drop column if exists "raw_reversed_amount", drop column if exists "points_returned";`)
  }
}
