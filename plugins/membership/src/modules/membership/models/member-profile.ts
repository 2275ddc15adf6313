import { model } from "@medusajs/framework/utils"

/** A customer's current level; `growth` caches the ledger's growth balance at the last evaluation. */
const MemberProfile = model.define("member_profile", {
  id: model.id({ prefix: "mprf" }).primaryKey(),
  customer_id: model.text().unique(),
  level_id: model.text().nullable(),
  growth: model.number().default(0),
  level_changed_at: model.dateTime().nullable(),
  // YYYY-MM-DD; set once by the customer, editable by admins (birthday points, SPEC §6.2)
  birthday: model.text().nullable(),
  // the last year the yearly level re-evaluation handled this member (idempotency per year)
  level_evaluated_year: model.number().nullable(),
})

export default MemberProfile
