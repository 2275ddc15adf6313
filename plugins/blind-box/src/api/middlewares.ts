import { defineMiddlewares } from "@medusajs/framework/http"
import { storeBlindBoxMiddlewares } from "./store/fission/blind-boxes/middlewares"
import { adminBlindBoxMiddlewares } from "./admin/fission/blind-boxes/middlewares"
import { adminBlindBoxSummaryMiddlewares } from "./admin/fission/blind-box/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.
export default defineMiddlewares({
  routes: [
    ...adminBlindBoxSummaryMiddlewares, ...storeBlindBoxMiddlewares, ...adminBlindBoxMiddlewares],
})
