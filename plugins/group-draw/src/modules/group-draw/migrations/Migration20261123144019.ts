import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123144019 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_created_at" ON "group_draw_group" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_draw_group_completed_at" ON "group_draw_group" ("completed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_group_draw_group_created_at";`);
    this.addSql(`drop index if exists "IDX_group_draw_group_completed_at";`);
  }

}
