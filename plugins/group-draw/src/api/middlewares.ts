import { defineMiddlewares } from "@medusajs/framework/http"
import { adminGroupDrawMiddlewares } from "./admin/fission/group-draws/middlewares"
import { storeGroupDrawMiddlewares } from "./store/fission/group-draws/middlewares"
import { storeGroupMiddlewares } from "./store/fission/groups/middlewares"
import { storeMyGroupMiddlewares } from "./store/fission/my/groups/middlewares"
import { adminGroupDrawSummaryMiddlewares } from "./admin/fission/group-draw/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  routes: [
    ...adminGroupDrawSummaryMiddlewares,
    ...storeGroupDrawMiddlewares,
    ...storeGroupMiddlewares,
    ...storeMyGroupMiddlewares,
    ...adminGroupDrawMiddlewares,
  ],
})
