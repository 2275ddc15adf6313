import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreatePresale,
  AdminEndPresale,
  AdminFindParticipantsParams,
  AdminGetParticipantsParams,
  AdminGetPresalesParams,
  AdminProjectionParams,
  AdminUpdatePresale,
} from "./validators"

// /admin/* routes are authenticated as admin users by Medusa itself.
export const adminPresaleMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/presales", middlewares: [validateAndTransformQuery(AdminGetPresalesParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/presales", middlewares: [validateAndTransformBody(AdminCreatePresale)] },
  // static before `/:id`; express runs every matching middleware, so `/:id` GET takes no strict query validator
  {
    method: ["GET"],
    matcher: "/admin/fission/presales/participants",
    middlewares: [validateAndTransformQuery(AdminFindParticipantsParams as any, {})],
  },
  { method: ["POST"], matcher: "/admin/fission/presales/:id", middlewares: [validateAndTransformBody(AdminUpdatePresale)] },
  { method: ["POST"], matcher: "/admin/fission/presales/:id/close", middlewares: [validateAndTransformBody(AdminEndPresale)] },
  { method: ["POST"], matcher: "/admin/fission/presales/:id/cancel", middlewares: [validateAndTransformBody(AdminEndPresale)] },
  {
    method: ["GET"],
    matcher: "/admin/fission/presales/:id/participants",
    middlewares: [validateAndTransformQuery(AdminGetParticipantsParams, {})],
  },
  { method: ["GET"], matcher: "/admin/fission/presales/:id/draws", middlewares: [validateAndTransformQuery(AdminGetParticipantsParams, {})] },
  {
    method: ["GET"],
    matcher: "/admin/fission/presales/:id/projection",
    middlewares: [validateAndTransformQuery(AdminProjectionParams, {})],
  },
  { method: ["GET"], matcher: "/admin/fission/presales/:id", middlewares: [validateAndTransformQuery(z.object({}).passthrough(), {})] },
]
