import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundRequestRow } from "../../../modules/refund-request"
import { cancelOrderForRefund } from "../execute/cancel-order"
import { errorText, RefundOutcome } from "../execute/outcome"
import { refundToPayments } from "../execute/refund-to-payments"
import { refundToStoreCredit } from "../execute/refund-to-store-credit"

export const executeRefundStepId = "fission-execute-refund"

/** Serializes the refunds of one order (two requests of one order never allocate at once). */
export const orderRefundLockKey = (orderId: string) => `fission:refund:order:${orderId}`

/**
 * Moves the money of a claimed request: cancel the order, refund across its payments or
 * credit store credit. A refusal by Medusa or the provider is returned as the outcome (the
 * next step records it for a retry), not thrown. No compensation: money that was sent
 * cannot be called back, and a later attempt recomputes what is left from what Medusa
 * recorded, so nothing is paid twice.
 */
export const executeRefundStep = createStep(
  executeRefundStepId,
  async (request: RefundRequestRow | null, { container }) => {
    if (!request) return new StepResponse<RefundOutcome | null>(null)
    const locking = container.resolve(Modules.LOCKING)
    try {
      const result = await locking.execute(
        orderRefundLockKey(request.order_id),
        () =>
          request.mode === "cancel"
            ? cancelOrderForRefund(container, request)
            : request.destination === "store_credit"
              ? refundToStoreCredit(container, request)
              : refundToPayments(container, request),
        { timeout: 60 }
      )
      return new StepResponse<RefundOutcome | null>({ ok: true, ...result })
    } catch (e) {
      return new StepResponse<RefundOutcome | null>({ ok: false, error: errorText(e) })
    }
  }
)
