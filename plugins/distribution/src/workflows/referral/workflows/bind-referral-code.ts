import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeReferrerStep } from "../steps/change-referrer"
import { validateReferralBindStep } from "../steps/validate-referral-bind"

/** Emitted after a customer is bound to a referrer: `{ customer_id, referrer_id, source, channel }`. */
export const REFERRAL_BOUND_EVENT = "fission.referral.bound"

export type BindReferralCodeInput = {
  customer_id: string
  code: string
  /** "store": POST /store/fission/referral/bind (refusals are 4xx); "register": sign-up metadata (refusals are skipped). */
  channel: "store" | "register"
  source?: "code" | "link"
}

/**
 * Binds a customer to the promoter owning `code` (SPEC §2.2), within the bind
 * mode's window: on_register (sign-up, or the storefront within 24 hours of
 * sign-up and before any order), anytime_until_first_order (until the first
 * order); never in on_first_order mode (that goes through the order).
 * Refused: unknown code (404), self-referral, cycles, non-promoter or disabled
 * referrer (400), already bound (422).
 *
 * Returns `{ referral, skipped_reason }`; on the register channel a refusal is
 * returned as `skipped_reason` instead of failing.
 */
export const bindReferralCodeWorkflow = createWorkflow(
  "fission-bind-referral-code",
  (input: WorkflowData<BindReferralCodeInput>) => {
    const validated = validateReferralBindStep(
      transform({ input }, ({ input }) => ({ ...input, strict: input.channel === "store" }))
    )
    const bound = changeReferrerStep(
      transform({ validated, input }, ({ validated, input }) => ({ change: validated.change, tolerate_refusal: input.channel !== "store" }))
    )
    when("fission-referral-code-bound-changed", { bound }, ({ bound }) => !!bound.result?.changed).then(() => {
      emitEventStep({
        eventName: REFERRAL_BOUND_EVENT,
        data: transform({ bound, input }, ({ bound, input }) => ({
          customer_id: input.customer_id,
          referrer_id: bound.result?.referral?.referrer_id,
          source: bound.result?.referral?.source,
          channel: input.channel,
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
