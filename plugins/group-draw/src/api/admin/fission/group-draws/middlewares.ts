import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateGroupDraw,
  AdminGetGroupDrawsParams,
  AdminGetGroupsParams,
  AdminUpdateGroupDraw,
} from "./validators"

// /admin/* routes are authenticated as admin users by Medusa itself.
export const adminGroupDrawMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/group-draws", middlewares: [validateAndTransformQuery(AdminGetGroupDrawsParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/group-draws", middlewares: [validateAndTransformBody(AdminCreateGroupDraw)] },
  { method: ["GET"], matcher: "/admin/fission/group-draws/:id", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/group-draws/:id", middlewares: [validateAndTransformBody(AdminUpdateGroupDraw)] },
  {
    method: ["GET"],
    matcher: "/admin/fission/group-draws/:id/groups",
    middlewares: [validateAndTransformQuery(AdminGetGroupsParams, {})],
  },
]
