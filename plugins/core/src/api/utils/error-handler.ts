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
export function fissionErrorHandler(): MedusaErrorHandlerFunction {
  const medusa = errorHandler()
  return (error, req, res, next) => {
    const logger = req.scope?.resolve?.("logger")
    if (isConnectionLoss(error)) {
      logger?.warn?.(`${req.method} ${req.originalUrl ?? req.url}: database connection lost (${error?.message}); answered 503`)
      res.setHeader("Retry-After", "1")
      res.status(503).json({
        type: "unavailable",
        code: "database_unavailable",
        message: "The database connection was lost while handling the request; retry it.",
      })
      return
    }
    if (isLockTimeout(error)) {
      logger?.warn?.(`${req.method} ${req.originalUrl ?? req.url}: lock wait ran out (${error?.message}); answered 429`)
      res.setHeader("Retry-After", "2")
      res.status(429).json({
        type: "busy",
        code: "lock_timeout",
        message: "Too many requests for the same item at once; nothing was changed, retry in a moment.",
      })
      return
    }
    return medusa(error, req, res, next)
  }
}
