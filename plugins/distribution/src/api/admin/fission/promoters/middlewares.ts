import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminGetPromotersParams, AdminRejectPromoter, AdminReviewPromoter, AdminSetPromoterRank } from "./validators"

export const adminPromoterMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/promoters", middlewares: [validateAndTransformQuery(AdminGetPromotersParams, {})] },
  { method: ["GET"], matcher: "/admin/fission/promoters/:id", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/promoters/:id/approve", middlewares: [validateAndTransformBody(AdminReviewPromoter)] },
  { method: ["POST"], matcher: "/admin/fission/promoters/:id/reject", middlewares: [validateAndTransformBody(AdminRejectPromoter)] },
  { method: ["POST"], matcher: "/admin/fission/promoters/:id/disable", middlewares: [validateAndTransformBody(AdminReviewPromoter)] },
  { method: ["POST"], matcher: "/admin/fission/promoters/:id/enable", middlewares: [validateAndTransformBody(AdminReviewPromoter)] },
  { method: ["POST"], matcher: "/admin/fission/promoters/:id/rank", middlewares: [validateAndTransformBody(AdminSetPromoterRank)] },
]
