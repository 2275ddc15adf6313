import { createPromotionsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildGrantedPromotionStep, claimCouponGrantStep, GrantCouponInput, markCouponGrantedStep } from "../steps"

export type GrantCouponOutput = { promotion_id: string; code: string }

export const grantCouponWorkflowId = "fission-membership-grant-coupon"

/**
 * Grants one customer a single-use coupon: a real Medusa promotion copied from
 * the template promotion (discount and conditions), usable only in carts of
 * that customer (`customer.id` rule) and once (`limit: 1`). Idempotent on
 * `idempotency_key`: a replay returns the same promotion and code. If anything
 * after the promotion's creation fails, the promotion is deleted and the key
 * is released.
 */
export const grantCouponWorkflow = createWorkflow(grantCouponWorkflowId, (input: GrantCouponInput) => {
  const claimed = claimCouponGrantStep(input)

  const created = when("grant-coupon-is-new", { claimed }, ({ claimed }) => claimed.created).then(() => {
    const data = buildGrantedPromotionStep(
      transform({ input, claimed }, ({ input, claimed }) => ({
        template_promotion_id: input.template_promotion_id,
        customer_id: input.customer_id,
        code: claimed.grant.code,
      }))
    )
    const promotions = createPromotionsStep(data)
    const marked = markCouponGrantedStep(
      transform({ claimed, promotions }, ({ claimed, promotions }) => ({
        grant_id: claimed.grant.id,
        promotion_id: promotions[0].id,
      }))
    )
    return marked
  })

  return new WorkflowResponse(
    transform({ claimed, created }, ({ claimed, created }): GrantCouponOutput => ({
      promotion_id: (created?.promotion_id ?? claimed.grant.promotion_id)!,
      code: claimed.grant.code,
    }))
  )
})
