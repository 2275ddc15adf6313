import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminCreateMemberTask, AdminGetMemberTasksParams, AdminGetTaskCompletionsParams, AdminUpdateMemberTask } from "./validators"

export const adminMemberTaskMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/membership/tasks", middlewares: [validateAndTransformQuery(AdminGetMemberTasksParams, {})] },
  { method: ["POST"], matcher: "/admin/fission/membership/tasks", middlewares: [validateAndTransformBody(AdminCreateMemberTask)] },
  { method: ["GET"], matcher: "/admin/fission/membership/tasks/:id", middlewares: [validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/admin/fission/membership/tasks/:id", middlewares: [validateAndTransformBody(AdminUpdateMemberTask)] },
  {
    method: ["GET"],
    matcher: "/admin/fission/membership/task-completions",
    middlewares: [validateAndTransformQuery(AdminGetTaskCompletionsParams, {})],
  },
]
