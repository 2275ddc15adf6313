import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminUpdateMembershipSettings } from "./validators"

export const adminMembershipSettingsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/membership/settings", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/membership/settings", middlewares: [validateAndTransformBody(AdminUpdateMembershipSettings)] },
]
