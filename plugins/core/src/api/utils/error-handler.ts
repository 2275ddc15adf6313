import { errorHandler, MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { isConnectionLoss } from "./connection-loss"
import { isLockTimeout } from "./lock-timeout"

/**
 * The app's error handler (set by core's `middlewares.ts`): Medusa's own, except for two
 * failures that are not the request's fault and that the storefront may simply retry:
 * - its database connection was dropped (a failover, a restart, terminated backends):
 *   **503** with `Retry-After: 1` instead of Medusa's 500 "unknown error" — the pool reconnects;
 * - a lock wait ran out (e.g. hundreds of buyers completing carts of one variant at once queue
 *   on Medusa's inventory reservation lock): **429** with `Retry-After: 2` instead of a 500 (or
 *   Medusa's generic 409). The refused workflow was rolled back (the cart is not completed,
 *   nothing was captured), so completing the cart again is safe.
 * Writes are idempotent or decided by constraints, so a retry never applies one twice.
 */
const RETRYABLE = [
  {
    is: isConnectionLoss,
    what: "database connection lost",
    status: 503,
    retryAfter: "1",
    body: { type: "unavailable", code: "database_unavailable", message: "The database connection was lost while handling the request; retry it." },
  },
  {
    is: isLockTimeout,
    what: "lock wait ran out",
    status: 429,
    retryAfter: "2",
    body: { type: "busy", code: "lock_timeout", message: "Too many requests for the same item at once; nothing was changed, retry in a moment." },
  },
]

export function fissionErrorHandler(): MedusaErrorHandlerFunction {
  const medusa = errorHandler()
  return (error, req, res, next) => {
    const retryable = RETRYABLE.find((r) => r.is(error))
    if (!retryable) return medusa(error, req, res, next)
    req.scope?.resolve?.("logger")?.warn?.(
      `${req.method} ${req.originalUrl ?? req.url}: ${retryable.what} (${error?.message}); answered ${retryable.status}`
    )
    res.setHeader("Retry-After", retryable.retryAfter)
    res.status(retryable.status).json(retryable.body)
  }
}
