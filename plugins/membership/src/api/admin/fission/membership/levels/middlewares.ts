import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminCreateMemberLevel, AdminGetMemberLevelsParams, AdminUpdateMemberLevel } from "./validators"

export const adminMemberLevelMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/membership/levels", middlewares: [validateAndTransformQuery(AdminGetMemberLevelsParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/membership/levels", middlewares: [validateAndTransformBody(AdminCreateMemberLevel)] },
  { method: ["GET"], matcher: "/admin/fission/membership/levels/:id", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/membership/levels/:id", middlewares: [validateAndTransformBody(AdminUpdateMemberLevel)] },
]
