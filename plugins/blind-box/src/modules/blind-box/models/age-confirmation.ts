import { model } from "@medusajs/framework/utils"

/**
 * A customer's age confirmation (SPEC §0.6), required before a first blind-box purchase:
 * the age they confirmed and, below the guardian age, the guardian's consent and name.
 */
const BlindBoxAgeConfirmation = model.define("blind_box_age_confirmation", {
  id: model.id({ prefix: "bbag" }).primaryKey(),
  customer_id: model.text().unique(),
  age: model.number(),
  guardian_consent: model.boolean().default(false),
  guardian_name: model.text().nullable(),
  min_age: model.number(),
  guardian_consent_below_age: model.number(),
})

export default BlindBoxAgeConfirmation
