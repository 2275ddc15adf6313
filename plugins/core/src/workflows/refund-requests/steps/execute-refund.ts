import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundRequestRow } from "../../../modules/refund-request"
import { cancelOrderForRefund, cancelOrdersTogether } from "../execute/cancel-order"
import { errorText, RefundOutcome } from "../execute/outcome"
import { refundToPayments } from "../execute/refund-to-payments"
import { refundToStoreCredit } from "../execute/refund-to-store-credit"

export const executeRefundStepId = "fission-execute-refund"

/** Serializes the refunds of one order (two requests of one order never allocate at once). */
export const orderRefundLockKey = (orderId: string) => `fission:refund:order:${orderId}`

const LOCK = { timeout: 60 }

/** `afterBatch`: a batch cancel of this request's order broke off, and may have refunded it already. */
async function executeOne(container: MedusaContainer, request: RefundRequestRow, afterBatch: boolean): Promise<RefundOutcome> {
  try {
    const result = await container.resolve(Modules.LOCKING).execute(
      orderRefundLockKey(request.order_id),
      () =>
        request.mode === "cancel"
          ? cancelOrderForRefund(container, request, { mend: afterBatch || request.attempts > 1 })
          : request.destination === "store_credit"
            ? refundToStoreCredit(container, request)
            : refundToPayments(container, request),
      LOCK
    )
    return { ok: true, ...result }
  } catch (e) {
    return { ok: false, error: errorText(e) }
  }
}

/**
 * Moves the money of the claimed requests: cancel the order, refund across its payments or
 * credit store credit. First attempts of full cancels of different orders go together in one
 * batch cancel (under all their orders' locks); the rest, and every cancel of a batch that broke
 * off, one at a time. A refusal by Medusa or the provider is returned as that request's outcome
 * (the next step records it for a retry), not thrown. No compensation: money that was sent
 * cannot be called back, and a later attempt recomputes what is left from what Medusa
 * recorded, so nothing is paid twice.
 */
export const executeRefundStep = createStep(executeRefundStepId, async (requests: RefundRequestRow[], { container }) => {
  const outcomes = new Map<string, RefundOutcome>()
  const together: RefundRequestRow[] = []
  for (const r of requests) {
    if (r.mode === "cancel" && r.attempts === 1 && !together.some((t) => t.order_id === r.order_id)) together.push(r)
  }
  let brokeOff = false
  if (together.length > 1) {
    try {
      const done = await container
        .resolve(Modules.LOCKING)
        .execute(together.map((r) => orderRefundLockKey(r.order_id)), () => cancelOrdersTogether(container, together), LOCK)
      for (const [id, outcome] of done) outcomes.set(id, outcome)
    } catch {
      brokeOff = true
    }
  }
  for (const r of requests) if (!outcomes.has(r.id)) outcomes.set(r.id, await executeOne(container, r, brokeOff && together.includes(r)))
  return new StepResponse(requests.map((r) => outcomes.get(r.id)!))
})
