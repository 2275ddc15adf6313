import { defineMiddlewares } from "@medusajs/framework/http"
import { adminPresaleMiddlewares } from "./admin/fission/presales/middlewares"
import { storePresaleMiddlewares } from "./store/fission/presales/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.
export default defineMiddlewares({
  routes: [...storePresaleMiddlewares, ...adminPresaleMiddlewares],
})
