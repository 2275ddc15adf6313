import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeReferrerStep } from "../steps/change-referrer"
import { validateReferralBindStep } from "../steps/validate-referral-bind"
import { REFERRAL_BOUND_EVENT } from "./bind-referral-code"

export type BindOnFirstOrderInput = {
  customer_id: string
  /** The order's `metadata.referral_code`. */
  code: string
  order_id: string
}

/**
 * Binds the buyer to the code's promoter when the code comes with the buyer's
 * first order (bind_mode on_first_order or anytime_until_first_order, SPEC §2.2),
 * source `order`. Call it on `order.placed` *before* computing commissions, so
 * the new referrer already earns on this first order.
 *
 * Never fails the order: anything that prevents the binding (no such code,
 * not the first order, already bound, self-referral, wrong mode…) comes back as
 * `skipped_reason` with `referral: null`. Idempotent for redelivered events
 * (the second run finds the customer bound and skips).
 *
 * @example
 * const { result } = await bindOnFirstOrderWorkflow(container).run({
 *   input: { customer_id: order.customer_id, code: order.metadata.referral_code, order_id: order.id },
 * })
 */
export const bindOnFirstOrderWorkflow = createWorkflow(
  "fission-bind-on-first-order",
  (input: WorkflowData<BindOnFirstOrderInput>) => {
    const validated = validateReferralBindStep(
      transform({ input }, ({ input }) => ({ ...input, channel: "order" as const, strict: false }))
    )
    const bound = changeReferrerStep(transform({ validated }, ({ validated }) => ({ change: validated.change, tolerate_refusal: true })))
    when("fission-referral-bound-changed", { bound }, ({ bound }) => !!bound.result?.changed).then(() => {
      emitEventStep({
        eventName: REFERRAL_BOUND_EVENT,
        data: transform({ bound, input }, ({ bound, input }) => ({
          customer_id: input.customer_id,
          referrer_id: bound.result?.referral?.referrer_id,
          source: "order",
          channel: "order",
          order_id: input.order_id,
        })),
      })
    })
    return new WorkflowResponse(
      transform({ validated, bound }, ({ validated, bound }) => ({
        referral: bound.result?.referral ?? null,
        skipped_reason: validated.skipped_reason ?? bound.skipped_reason,
      }))
    )
  }
)
