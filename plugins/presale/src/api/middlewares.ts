import { defineMiddlewares } from "@medusajs/framework/http"
import { adminPresaleMiddlewares } from "./admin/fission/presales/middlewares"
import { storePresaleMiddlewares } from "./store/fission/presales/middlewares"
import { adminPresaleSummaryMiddlewares } from "./admin/fission/presale/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.
export default defineMiddlewares({
  routes: [
    ...adminPresaleSummaryMiddlewares, ...storePresaleMiddlewares, ...adminPresaleMiddlewares],
})
