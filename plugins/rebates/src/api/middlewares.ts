import { defineMiddlewares } from "@medusajs/framework/http"
import { adminRebatesMiddlewares } from "./admin/fission/rebates/middlewares"
import { storeRebatesMiddlewares } from "./store/fission/rebates/middlewares"
import { adminRebatesSummaryMiddlewares } from "./admin/fission/rebates/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.
export default defineMiddlewares({
  routes: [
    ...adminRebatesSummaryMiddlewares, ...storeRebatesMiddlewares, ...adminRebatesMiddlewares],
})
