import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreAddPresaleToCart, StoreGetPresaleDrawsParams, StoreGetPresalesParams } from "./validators"

export const storePresaleMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/fission/presales", middlewares: [validateAndTransformQuery(StoreGetPresalesParams, {})] },
  {
    method: ["GET"],
    matcher: "/store/fission/presales/:id",
    // public; a logged-in customer also gets their own participation ("me")
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), validateAndTransformQuery(z.strictObject({}), {})],
  },
  { method: ["GET"], matcher: "/store/fission/presales/:id/draws", middlewares: [validateAndTransformQuery(StoreGetPresaleDrawsParams, {})] },
  {
    method: ["POST"],
    matcher: "/store/fission/presales/:id/line-items",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreAddPresaleToCart)],
  },
]
