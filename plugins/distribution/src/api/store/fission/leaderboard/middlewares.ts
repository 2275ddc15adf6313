import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetLeaderboardParams } from "./validators"

// Public: Medusa's /store routes already require the publishable API key; no customer needed.
export const storeLeaderboardMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/fission/leaderboard",
    middlewares: [validateAndTransformQuery(StoreGetLeaderboardParams, {})],
  },
]
