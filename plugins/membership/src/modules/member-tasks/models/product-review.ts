import { model } from "@medusajs/framework/utils"

/**
 * A shopper's review of a product they bought and paid for (Medusa has no review
 * module). One per customer and product; it completes `review_product` tasks.
 */
const ProductReview = model
  .define("product_review", {
    id: model.id({ prefix: "mrev" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    // the paid order that proves the purchase
    order_id: model.text(),
    rating: model.number(),
    content: model.text().nullable(),
  })
  .indexes([
    { on: ["customer_id", "product_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id", "created_at"] },
  ])

export default ProductReview
