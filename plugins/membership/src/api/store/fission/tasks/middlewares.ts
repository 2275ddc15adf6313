import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreClaimTask, StoreGetTasksParams, StoreReportShare } from "./validators"

const customerAuth = authenticate("customer", ["session", "bearer"])

export const storeMemberTaskMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/fission/tasks", middlewares: [customerAuth, validateAndTransformQuery(StoreGetTasksParams, {})] },
  { method: ["POST"], matcher: "/store/fission/tasks/shares", middlewares: [customerAuth, validateAndTransformBody(StoreReportShare)] },
  { method: ["POST"], matcher: "/store/fission/tasks/:id/claim", middlewares: [customerAuth, validateAndTransformBody(StoreClaimTask)] },
]
