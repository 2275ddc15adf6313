import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateRebateLevel,
  AdminExecuteMonthClose,
  AdminGetMonthClosePreview,
  AdminGetRebateCustomer,
  AdminListPoolRuns,
  AdminUpdateRebateLevel,
  AdminUpdateRebateSettings,
} from "./validators"

const none = () => validateAndTransformQuery(z.strictObject({}), {})

// Admin routes are authenticated by Medusa for /admin/*.
export const adminRebatesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/fission/rebates/settings", middlewares: [none()] },
  { method: ["POST"], matcher: "/admin/fission/rebates/settings", middlewares: [validateAndTransformBody(AdminUpdateRebateSettings)] },
  { method: ["GET"], matcher: "/admin/fission/rebates/levels", middlewares: [none()] },
  { method: ["POST"], matcher: "/admin/fission/rebates/levels", middlewares: [validateAndTransformBody(AdminCreateRebateLevel)] },
  { method: ["POST"], matcher: "/admin/fission/rebates/levels/:id", middlewares: [validateAndTransformBody(AdminUpdateRebateLevel)] },
  { method: ["DELETE"], matcher: "/admin/fission/rebates/levels/:id", middlewares: [none()] },
  { method: ["GET"], matcher: "/admin/fission/rebates/month-close/preview", middlewares: [validateAndTransformQuery(AdminGetMonthClosePreview, {})] },
  { method: ["POST"], matcher: "/admin/fission/rebates/month-close", middlewares: [validateAndTransformBody(AdminExecuteMonthClose)] },
  { method: ["GET"], matcher: "/admin/fission/rebates/pool-runs", middlewares: [validateAndTransformQuery(AdminListPoolRuns, {})] },
  { method: ["GET"], matcher: "/admin/fission/rebates/pool-runs/:id", middlewares: [none()] },
  { method: ["GET"], matcher: "/admin/fission/rebates/customers/:customer_id", middlewares: [validateAndTransformQuery(AdminGetRebateCustomer, {})] },
]
