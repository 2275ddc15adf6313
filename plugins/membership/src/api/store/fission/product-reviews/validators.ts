import { z } from "@medusajs/framework/zod"
import { zId, zOffset, zText } from "@fission/core/utils"

export const StoreCreateProductReview = z.strictObject({
  product_id: zId("product_id"),
  rating: z.number().int().min(1).max(5),
  content: zText("content").nullable().optional(),
})
// spelled out: @fission/core/utils ships no type declarations, so inference would lose product_id
export type StoreCreateProductReviewType = { product_id: string; rating: number; content?: string | null }

export const StoreGetProductReviewsParams = z.strictObject({
  product_id: zId("product_id"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: zOffset(),
})
export type StoreGetProductReviewsParamsType = z.infer<typeof StoreGetProductReviewsParams>
