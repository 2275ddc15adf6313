import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminUpdateDistributionSettings } from "./validators"

export const adminDistributionSettingsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/distribution/settings", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/distribution/settings", middlewares: [validateAndTransformBody(AdminUpdateDistributionSettings)] },
]
