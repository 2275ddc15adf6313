import { model } from "@medusajs/framework/utils"

/**
 * Product/variant-level override of the store's commission rule (variant wins over
 * product): level rates, a fixed amount per unit ("899 package pays 100 / 50"), or excluded.
 */
const ProductCommission = model
  .define("product_commission", {
  id: model.id({ prefix: "pcom" }).primaryKey(),
  product_id: model.text().index(),
  variant_id: model.text().unique().nullable(),
  mode: model.enum(["rate", "fixed", "excluded"]),
  level1: model.bigNumber().nullable(),
  level2: model.bigNumber().nullable(),
  })
  // one product-level rule per product (variant rules are unique by variant_id)
  .indexes([{ on: ["product_id"], unique: true, where: "variant_id IS NULL" }])

export default ProductCommission
