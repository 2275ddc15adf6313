import { createPromotionsStep, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { ApplyCartPointsInput, planCartPointsStep, reserveCartPointsStep, setHoldPromotionStep } from "../steps"

/**
 * Applies points to a points-mall product line (SPEC §6.5 "points in the
 * cart"). The points are reserved as a *pending* ledger debit (refused when the
 * customer has too few), and what they pay is a real Medusa discount: a
 * single-use promotion of this customer, "fixed amount off each unit" of
 * exactly this line (`items.id` target rule, `max_quantity` = the line's
 * quantity), added to the cart with Medusa's own updateCartPromotionsWorkflow —
 * so every cart refresh recomputes it like any other promotion, and the order
 * keeps it as a line adjustment.
 */
export const applyCartPointsWorkflow = createWorkflow("fission-membership-apply-cart-points", (input: ApplyCartPointsInput) => {
  const plan = planCartPointsStep(input)
  const hold = reserveCartPointsStep(transform({ plan }, ({ plan }) => plan.hold))

  postLedgerEntriesStep(
    transform({ hold }, ({ hold }) => [
      {
        idempotency_key: hold.ledger_key,
        asset: "points" as const,
        amount: String(hold.points),
        from: customer(hold.customer_id),
        to: platform("points_mall"),
        status: "pending" as const,
        reason: "points.mall_cart",
        source_type: "cart_points_hold",
        source_id: hold.id,
      },
    ])
  )

  const promotions = createPromotionsStep(
    transform({ hold, plan }, ({ hold, plan }) => [
      {
        code: plan.code,
        type: "standard" as const,
        status: "active" as const,
        is_automatic: false,
        limit: 1,
        rules: [{ attribute: "customer.id", operator: "eq" as const, values: [hold.customer_id] }],
        application_method: {
          type: "fixed" as const,
          target_type: "items" as const,
          allocation: "each" as const,
          value: Number(plan.hold.discount_per_unit),
          currency_code: hold.currency_code,
          max_quantity: Number(hold.quantity),
          target_rules: [{ attribute: "items.id", operator: "eq" as const, values: [hold.line_item_id] }],
        },
      },
    ])
  )

  setHoldPromotionStep(
    transform({ hold, promotions }, ({ hold, promotions }) => ({ id: hold.id, promotion_id: promotions[0].id, code: promotions[0].code! }))
  )

  updateCartPromotionsWorkflow.runAsStep({
    input: transform({ hold, plan }, ({ hold, plan }) => ({
      cart_id: hold.cart_id,
      promo_codes: [plan.code],
      action: PromotionActions.ADD,
    })),
  })

  return new WorkflowResponse(
    transform({ hold, plan, promotions }, ({ hold, plan, promotions }) => ({
      ...hold,
      promotion_id: promotions[0].id,
      promotion_code: plan.code,
    }))
  )
})
