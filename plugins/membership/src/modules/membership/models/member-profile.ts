import { model } from "@medusajs/framework/utils"

/** A customer's current level; `growth` caches the ledger's growth balance at the last evaluation. */
const MemberProfile = model.define("member_profile", {
  id: model.id({ prefix: "mprf" }).primaryKey(),
  customer_id: model.text().unique(),
  level_id: model.text().nullable(),
  growth: model.number().default(0),
  level_changed_at: model.dateTime().nullable(),
})

export default MemberProfile
