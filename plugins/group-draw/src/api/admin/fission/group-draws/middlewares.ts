import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateGroupDraw,
  AdminGetGroupDrawMembersParams,
  AdminGetGroupDrawsParams,
  AdminGetGroupDrawStatsParams,
  AdminGetGroupsParams,
  AdminUpdateGroupDraw,
} from "./validators"

// /admin/* routes are authenticated as admin users by Medusa itself.
export const adminGroupDrawMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/group-draws", middlewares: [validateAndTransformQuery(AdminGetGroupDrawsParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/group-draws", middlewares: [validateAndTransformBody(AdminCreateGroupDraw)] },
  // the stats route is static and sorted before `/:id`; express runs every matching
  // middleware, so `/:id` GET takes no strict query validator (it reads no query)
  {
    method: ["GET"],
    matcher: "/admin/fission/group-draws/stats",
    middlewares: [validateAndTransformQuery(AdminGetGroupDrawStatsParams as any, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/fission/group-draws/members",
    middlewares: [validateAndTransformQuery(AdminGetGroupDrawMembersParams as any, {})],
  },
  { method: ["POST"], matcher: "/admin/fission/group-draws/:id", middlewares: [validateAndTransformBody(AdminUpdateGroupDraw)] },
  {
    method: ["GET"],
    matcher: "/admin/fission/group-draws/:id/groups",
    middlewares: [validateAndTransformQuery(AdminGetGroupsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/fission/group-draws/:id/groups/:group_id",
    middlewares: [validateAndTransformQuery(z.strictObject({}), {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fission/group-draws/:id/groups/:group_id/retry",
    middlewares: [validateAndTransformBody(z.strictObject({}))],
  },
]
