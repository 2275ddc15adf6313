import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ProductReviewInput, recordProductReviewStep } from "../steps"

/**
 * Emitted after a product review is stored: `{ id, customer_id, product_id }`.
 * It completes `review_product` tasks; a plugin with its own reviews may emit it too
 * (the task still checks that the customer bought and paid for the product).
 */
export const PRODUCT_REVIEW_CREATED_EVENT = "fission.product_review.created"

/** A shopper reviews a product they bought and paid for (Medusa has no review module). */
export const submitProductReviewWorkflow = createWorkflow("fission-membership-submit-product-review", (input: ProductReviewInput) => {
  const review = recordProductReviewStep(input)
  emitEventStep({
    eventName: PRODUCT_REVIEW_CREATED_EVENT,
    data: transform({ review }, ({ review }) => ({ id: review.id, customer_id: review.customer_id, product_id: review.product_id })),
  })
  return new WorkflowResponse(review)
})
