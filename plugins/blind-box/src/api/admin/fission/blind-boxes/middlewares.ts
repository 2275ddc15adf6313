import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateBlindBoxTemplate,
  AdminListBlindBoxesParams,
  AdminListTemplatesParams,
  AdminPreviewBlindBoxTemplate,
  AdminUpdateBlindBoxTemplate,
} from "./validators"

// /admin/* routes are authenticated as admin users by Medusa itself. Static paths come before `/:id`.
export const adminBlindBoxMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/blind-box-templates", middlewares: [validateAndTransformQuery(AdminListTemplatesParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/blind-box-templates", middlewares: [validateAndTransformBody(AdminCreateBlindBoxTemplate)] },
  { method: ["POST"], matcher: "/admin/fission/blind-box-templates/preview", middlewares: [validateAndTransformBody(AdminPreviewBlindBoxTemplate)] },
  { method: ["POST"], matcher: "/admin/fission/blind-box-templates/:id", middlewares: [validateAndTransformBody(AdminUpdateBlindBoxTemplate)] },
  { method: ["GET"], matcher: "/admin/fission/blind-boxes", middlewares: [validateAndTransformQuery(AdminListBlindBoxesParams, {})] },
  { method: ["GET"], matcher: "/admin/fission/blind-boxes/summary", middlewares: [validateAndTransformQuery(z.strictObject({}) as any, {})] },
]
