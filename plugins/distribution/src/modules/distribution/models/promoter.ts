import { model } from "@medusajs/framework/utils"

/** A customer who may earn commissions; `code` is the referral code (SPEC §2.1, §2.3). */
const Promoter = model
  .define("promoter", {
    id: model.id({ prefix: "prom" }).primaryKey(),
    customer_id: model.text().unique(),
    code: model.text().unique(),
    status: model.enum(["applied", "active", "rejected", "disabled"]).default("active"),
    source: model.enum(["everyone", "application", "auto_spend", "admin"]),
    rank_id: model.text().nullable(),
    rank_overridden: model.boolean().default(false),
    real_name: model.text().nullable(),
    phone: model.text().nullable(),
    note: model.text().nullable(),
    review_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    activated_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"] }, { on: ["rank_id"] }])

export default Promoter
