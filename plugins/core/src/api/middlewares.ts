import { defineMiddlewares } from "@medusajs/framework/http"
import { adminFissionDrawMiddlewares } from "./admin/fission/draws/middlewares"
import { adminComplianceMiddlewares } from "./admin/fission/compliance/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  routes: [...adminFissionDrawMiddlewares, ...adminComplianceMiddlewares],
})
