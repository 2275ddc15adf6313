import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123114343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fission_compliance_setting" drop constraint if exists "fission_compliance_setting_scope_unique";`);
    this.addSql(`create table if not exists "fission_compliance_setting" ("id" text not null, "scope" text not null, "max_commission_levels" integer not null, "max_team_condition_depth" integer not null, "lottery_prize_cap" numeric not null, "blind_box_price_cap" numeric not null, "blind_box_min_age" integer not null, "guardian_consent_below_age" integer not null, "blind_box_daily_spend_limit" numeric null, "raw_lottery_prize_cap" jsonb not null, "raw_blind_box_price_cap" jsonb not null, "raw_blind_box_daily_spend_limit" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fission_compliance_setting_pkey" primary key ("id"), constraint fission_compliance_setting_commission_levels_check check (max_commission_levels between 1 and 2), constraint fission_compliance_setting_team_depth_check check (max_team_condition_depth between 1 and 3), constraint fission_compliance_setting_lottery_cap_check check (lottery_prize_cap > 0 and lottery_prize_cap <= 50000), constraint fission_compliance_setting_blind_box_cap_check check (blind_box_price_cap > 0 and blind_box_price_cap <= 200), constraint fission_compliance_setting_min_age_check check (blind_box_min_age >= 8 and guardian_consent_below_age >= blind_box_min_age));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fission_compliance_setting_scope_unique" ON "fission_compliance_setting" ("scope") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fission_compliance_setting_deleted_at" ON "fission_compliance_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fission_compliance_setting" cascade;`);
  }

}
