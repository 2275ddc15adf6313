import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123141402 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "member_level" add column if not exists "free_shipping_promotion_id" text null, add column if not exists "exclusive_product_ids" jsonb null;`);

    this.addSql(`alter table if exists "member_profile" add column if not exists "birthday" text null, add column if not exists "level_evaluated_year" integer null;`);

    this.addSql(`alter table if exists "membership_setting" add column if not exists "makeup_checkin_window_days" integer null, add column if not exists "downgrade_max_levels" integer not null default 1;`);
    this.addSql(`alter table if exists "membership_setting" alter column "makeup_checkin_cost" drop default;`);
    this.addSql(`alter table if exists "membership_setting" alter column "makeup_checkin_cost" type integer using ("makeup_checkin_cost"::integer);`);
    this.addSql(`alter table if exists "membership_setting" alter column "makeup_checkin_cost" drop not null;`);
    // 0 used to mean "disabled"; now null does and 0 means a free make-up
    this.addSql(`update "membership_setting" set "makeup_checkin_cost" = null where "makeup_checkin_cost" = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "member_level" drop column if exists "free_shipping_promotion_id", drop column if exists "exclusive_product_ids";`);

    this.addSql(`alter table if exists "member_profile" drop column if exists "birthday", drop column if exists "level_evaluated_year";`);

    this.addSql(`alter table if exists "membership_setting" drop column if exists "makeup_checkin_window_days", drop column if exists "downgrade_max_levels";`);

    this.addSql(`update "membership_setting" set "makeup_checkin_cost" = 0 where "makeup_checkin_cost" is null;`);
    this.addSql(`alter table if exists "membership_setting" alter column "makeup_checkin_cost" set default 0;`);
    this.addSql(`alter table if exists "membership_setting" alter column "makeup_checkin_cost" set not null;`);
  }

}
