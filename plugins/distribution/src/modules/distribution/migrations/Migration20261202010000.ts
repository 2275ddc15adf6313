import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A member's paid orders in a period, one index probe each: the referral directory's
 * `activeMembersPerLevel` (team conditions over 1,000,000 members). Without it each probe
 * reads every order the member ever placed, and the planner prefers scanning the
 * period's orders instead (bench/README.md, "Referral directory").
 */
export class Migration20261202010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_order_buyer_id_paid_at" ON "commission_order" ("buyer_id", "paid_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_commission_order_buyer_id_paid_at";`);
  }

}
