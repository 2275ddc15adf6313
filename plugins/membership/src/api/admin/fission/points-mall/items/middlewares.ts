import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCreateMallItem, AdminGetMallItemsParams, AdminUpdateMallItem } from "./validators"

export const adminMallItemMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/points-mall/items", middlewares: [validateAndTransformQuery(AdminGetMallItemsParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/points-mall/items", middlewares: [validateAndTransformBody(AdminCreateMallItem)] },
  { method: ["POST"], matcher: "/admin/fission/points-mall/items/:id", middlewares: [validateAndTransformBody(AdminUpdateMallItem)] },
]
