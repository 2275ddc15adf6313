import { model } from "@medusajs/framework/utils"

/** A member level reached at `growth_threshold` growth value, with its benefits (SPEC §6.2). */
const MemberLevel = model
  .define("member_level", {
    id: model.id({ prefix: "mlvl" }).primaryKey(),
    name: model.text(),
    position: model.number().default(0),
    growth_threshold: model.number().default(0),
    points_multiplier: model.bigNumber().default(1),
    // members of the level are kept in this Medusa customer group (price lists, promotions)
    customer_group_id: model.text().nullable(),
    free_shipping_threshold: model.bigNumber().nullable(),
    // the automatic Medusa promotion that gives the level's group free shipping above the threshold
    free_shipping_promotion_id: model.text().nullable(),
    // products only members at or above this level may buy (ids of the product module)
    exclusive_product_ids: model.json().nullable(),
    birthday_points: model.number().default(0),
    description: model.text().nullable(),
  })
  .indexes([{ on: ["growth_threshold"] }])

export default MemberLevel
