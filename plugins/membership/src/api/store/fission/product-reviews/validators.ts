import { z } from "@medusajs/framework/zod"

export const StoreCreateProductReview = z.strictObject({
  product_id: z.string().min(1),
  rating: z.number().int().min(1).max(5),
  content: z.string().max(2000).nullable().optional(),
})
export type StoreCreateProductReviewType = z.infer<typeof StoreCreateProductReview>

export const StoreGetProductReviewsParams = z.strictObject({
  product_id: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type StoreGetProductReviewsParamsType = z.infer<typeof StoreGetProductReviewsParams>
