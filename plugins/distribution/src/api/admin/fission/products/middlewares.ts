import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminDeleteProductCommissionParams, AdminSetProductCommission } from "./validators"

const path = "/admin/fission/products/:product_id/commission"

export const adminProductCommissionMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: path, middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: path, middlewares: [validateAndTransformBody(AdminSetProductCommission)] },
  { method: ["DELETE"], matcher: path, middlewares: [validateAndTransformQuery(AdminDeleteProductCommissionParams, {})] },
]
