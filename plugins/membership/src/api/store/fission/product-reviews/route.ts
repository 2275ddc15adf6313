import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCodedRefusal } from "@fission/core/utils"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../../modules/member-tasks"
import { submitProductReviewWorkflow } from "../../../../workflows/tasks"
import { StoreCreateProductReviewType, StoreGetProductReviewsParamsType } from "./validators"

/**
 * POST /store/fission/product-reviews `{ product_id, rating 1–5, content? }` → 201 `{ review }`.
 * 400 when the customer has no paid order containing the product; 422 `already_reviewed`.
 * Completes `review_product` tasks through the `fission.product_review.created` event.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateProductReviewType>, res: MedusaResponse) => {
  try {
    const { result: review } = await submitProductReviewWorkflow(req.scope).run({
      input: { ...req.validatedBody, customer_id: req.auth_context.actor_id },
    })
    res.status(201).json({ review })
  } catch (e: any) {
    // Medusa's error handler drops the code of a duplicate; storefronts switch on it
    if (!sendCodedRefusal(res, e)) throw e
  }
}

/** GET /store/fission/product-reviews?product_id= → `{ reviews: [{ id, product_id, rating, content, created_at }], count, offset, limit }` (newest first). */
export const GET = async (req: MedusaRequest<unknown, StoreGetProductReviewsParamsType>, res: MedusaResponse) => {
  const { product_id, limit, offset } = req.validatedQuery as StoreGetProductReviewsParamsType
  const [found, count] = await req.scope
    .resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    .listAndCountProductReviews({ product_id }, { skip: offset, take: limit, order: { created_at: "DESC" } })
  // the reviewer stays anonymous in the public list
  const reviews = found.map((r) => ({ id: r.id, product_id: r.product_id, rating: r.rating, content: r.content, created_at: r.created_at }))
  res.json({ reviews, count, offset, limit })
}
