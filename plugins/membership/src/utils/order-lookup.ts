import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs `fn` holding the order's membership lock: an order's lifecycle events
 * (capture, refunds, returns, cancel) are handled one at a time, so reversal
 * deltas computed from the ledger cannot be posted twice.
 */
export function withOrderLock<T>(container: MedusaContainer, orderId: string, fn: () => Promise<T>) {
  return container.resolve(Modules.LOCKING).execute(`fission:membership:order:${orderId}`, fn)
}
