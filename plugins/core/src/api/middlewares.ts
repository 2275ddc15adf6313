import { defineMiddlewares } from "@medusajs/framework/http"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  routes: [],
})
