import { EventPriority } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { REFUND_REQUESTED_EVENT } from "../events"
import { createRefundRequestsStep, CreateRefundRequestsStepInput } from "../steps/create-refund-requests"

export type CreateRefundRequestsWorkflowInput = CreateRefundRequestsStepInput

const EVENT_BATCH = 100

/**
 * Asks for refunds, one request per cause key (asking again returns the first request,
 * `created: false`). With `process: "async"` (default) new requests are announced with
 * `fission.refund.requested` (≤ `announce_batch` ids per message, default 100) and core's
 * subscriber attempts them right away, each message on whichever worker takes it; with
 * `process: "caller"` the caller attempts them itself (processRefundRequestsWorkflow) and
 * the sweep job only steps in after a minute. Either way a request nobody finished is
 * retried by the sweep.
 *
 * @example
 * await createRefundRequestsWorkflow(container).run({
 *   input: { requests: [{ cause_key: "presale:ps_1:pt_9:step:3", order_id, mode: "partial", amount: 5,
 *                         source_type: "presale.campaign", source_id: "ps_1" }] },
 * })
 */
export const createRefundRequestsWorkflow = createWorkflow(
  "fission-create-refund-requests",
  (input: CreateRefundRequestsWorkflowInput) => {
    const results = createRefundRequestsStep(input)
    const messages = transform({ input, results }, ({ input, results }) => {
      if (input.process === "caller") return []
      const ids = results.filter((r) => r.created).map((r) => r.request.id)
      const batch = Math.min(EVENT_BATCH, Math.max(1, Math.floor(Number(input.announce_batch) || EVENT_BATCH)))
      const out: { ids: string[] }[] = []
      for (let i = 0; i < ids.length; i += batch) out.push({ ids: ids.slice(i, i + batch) })
      return out
    })
    when("fission-refunds-requested", { messages }, ({ messages }) => messages.length > 0).then(() => {
      // ahead of default-priority events on the Redis event bus: a large batch's refunds (money
      // back to customers) are not queued behind the cascade each cancel emits (order.canceled,
      // payment.refunded, notifications), which is only bookkeeping after them
      emitEventStep({ eventName: REFUND_REQUESTED_EVENT, data: messages, options: { priority: EventPriority.HIGH } })
    })
    return new WorkflowResponse(results)
  }
)
