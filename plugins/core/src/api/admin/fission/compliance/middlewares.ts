import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateComplianceSettings } from "./validators"

export const adminComplianceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/fission/compliance",
    middlewares: [validateAndTransformBody(AdminUpdateComplianceSettings)],
  },
]
