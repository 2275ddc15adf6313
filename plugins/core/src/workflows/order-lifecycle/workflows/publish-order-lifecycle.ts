import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { FissionOrderEvents } from "../../../utils/order-lifecycle"
import { emitOrderEventsStep, LifecycleCause, loadFissionOrderStep, resolveLifecycleOrderStep } from "../steps"

/**
 * The one place Fission reads Medusa's order/payment lifecycle (SPEC §0.3, §0.4):
 * resolves the order an event is about, loads it once, and emits the Fission
 * domain events feature plugins subscribe to, each carrying the whole
 * `FissionOrder` (merchandise total, captured and refunded totals, lines with
 * their campaign, cumulative reversal shares):
 *
 * | Medusa event | Fission events |
 * |---|---|
 * | `order.placed` | `fission.order.placed`, then `fission.order.paid` when the payment is already captured |
 * | `payment.captured` | `fission.order.paid` |
 * | `payment.refunded` | `fission.order.refunded` |
 * | `order.return_received` | `fission.order.returned` |
 * | `order.canceled` | `fission.order.canceled` |
 * | `delivery.created`, `order.completed` | `fission.order.delivered` |
 *
 * Delivery is at least once (a redelivered Medusa event publishes again), so every
 * handler stays idempotent; reversal handlers reverse *to* `order.reversal`, which
 * makes repeats and reordering harmless.
 */
export const publishOrderLifecycleWorkflow = createWorkflow(
  "fission-publish-order-lifecycle",
  (input: LifecycleCause) => {
    const target = resolveLifecycleOrderStep(input)
    const order = loadFissionOrderStep(
      transform({ target }, ({ target }) =>
        target ? { order_id: target.order_id, with_cart: target.emits.includes(FissionOrderEvents.PLACED) } : null
      )
    )
    const events = transform({ target, order }, ({ target, order }) => {
      if (!target || !order) return []
      const names = [...target.emits]
      if (names.includes(FissionOrderEvents.PLACED) && order.paid) names.push(FissionOrderEvents.PAID)
      return names.map((name) => ({ name, data: { order, cause: target.cause } }))
    })
    emitOrderEventsStep(events)
    return new WorkflowResponse(events)
  }
)
