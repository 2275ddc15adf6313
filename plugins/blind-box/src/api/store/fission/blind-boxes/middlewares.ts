import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { StoreClaimBlindBox, StoreInitiateBlindBox, StoreListParams, StoreOpenBlindBox } from "./validators"
import { StoreAgeConfirmation } from "../blind-box-age-confirmation/validators"

const customer = () => authenticate("customer", ["session", "bearer"])
// the public state shows the viewer's own role when a customer is logged in
const optionalCustomer = () => authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const storeBlindBoxMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/fission/blind-box-templates", middlewares: [validateAndTransformQuery(StoreListParams, {})] },
  { method: ["POST"], matcher: "/store/fission/blind-boxes", middlewares: [customer(), validateAndTransformBody(StoreInitiateBlindBox)] },
  { method: ["GET"], matcher: "/store/fission/blind-boxes/:id", middlewares: [optionalCustomer(), validateAndTransformQuery(z.strictObject({}), {})] },
  { method: ["POST"], matcher: "/store/fission/blind-boxes/:id/opens", middlewares: [customer(), validateAndTransformBody(StoreOpenBlindBox)] },
  { method: ["POST"], matcher: "/store/fission/blind-boxes/:id/claim", middlewares: [customer(), validateAndTransformBody(StoreClaimBlindBox)] },
  { method: ["GET"], matcher: "/store/fission/my/blind-boxes", middlewares: [customer(), validateAndTransformQuery(StoreListParams, {})] },
  { method: ["GET"], matcher: "/store/fission/blind-box-age-confirmation", middlewares: [customer()] },
  { method: ["POST"], matcher: "/store/fission/blind-box-age-confirmation", middlewares: [customer(), validateAndTransformBody(StoreAgeConfirmation)] },
]
