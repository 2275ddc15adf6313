import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetPointsStatementParams } from "./validators"

export const storePointsStatementMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/points/statement",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreGetPointsStatementParams, {})],
  },
]
