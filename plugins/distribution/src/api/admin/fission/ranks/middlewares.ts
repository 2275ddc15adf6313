import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminCreateRank, AdminGetRanksParams, AdminUpdateRank } from "./validators"

export const adminRankMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/ranks", middlewares: [validateAndTransformQuery(AdminGetRanksParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/ranks", middlewares: [validateAndTransformBody(AdminCreateRank)] },
  { method: ["GET"], matcher: "/admin/fission/ranks/:id", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/ranks/:id", middlewares: [validateAndTransformBody(AdminUpdateRank)] },
]
