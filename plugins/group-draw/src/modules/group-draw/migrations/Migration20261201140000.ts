import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Loser refunds moved to @fission/core's refund requests: the member's own refund columns
 * go. Their meaning is kept: a member whose refund went through is `refunded` (set here for
 * any row where only the old column said so); a loser still `lost` gets its refund request
 * from the group-draw sweep, which re-settles refunding and failed groups with losers left.
 */
export class Migration20261201140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `UPDATE "group_draw_member" SET "status" = 'refunded', "updated_at" = now() WHERE "refund_status" = 'refunded' AND "status" = 'lost';`
    )
    this.addSql(`drop index if exists "IDX_group_draw_member_refund_status";`)
    this.addSql(
      `alter table if exists "group_draw_member" drop column if exists "refund_status", drop column if exists "refund_attempts", drop column if exists "refund_error";`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_draw_member_lost_group" ON "group_draw_member" ("group_id") WHERE status = 'lost' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_group_draw_member_lost_group";`)
    this.addSql(
      `alter table if exists "group_draw_member" add column if not exists "refund_status" text check ("refund_status" in ('none', 'pending', 'refunded', 'failed')) not null default 'none', add column if not exists "refund_attempts" integer not null default 0, add column if not exists "refund_error" text null;`
    )
    this.addSql(`UPDATE "group_draw_member" SET "refund_status" = 'refunded' WHERE "status" = 'refunded';`)
    this.addSql(`UPDATE "group_draw_member" SET "refund_status" = 'pending' WHERE "status" = 'lost';`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_draw_member_refund_status" ON "group_draw_member" ("refund_status") WHERE deleted_at IS NULL;`
    )
  }
}
