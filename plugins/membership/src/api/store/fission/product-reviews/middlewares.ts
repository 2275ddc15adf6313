import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreCreateProductReview, StoreGetProductReviewsParams } from "./validators"

export const storeProductReviewMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/fission/product-reviews",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreCreateProductReview)],
  },
  { method: ["GET"], matcher: "/store/fission/product-reviews", middlewares: [validateAndTransformQuery(StoreGetProductReviewsParams, {})] },
]
