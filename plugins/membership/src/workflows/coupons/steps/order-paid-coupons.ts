import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"
import { orderReachesMinimum } from "../../../utils/points-mall"
import { grantCouponWorkflow } from "../workflows/grant-coupon"

/**
 * "After an order is paid, grant coupon X" (SPEC §6.7): every active rule whose
 * minimum the order's merchandise total (as core computed it: items after
 * discounts, no shipping, no tax) reaches grants one coupon, keyed `coupon:order_paid:<order>:<rule>` — a redelivered payment
 * event returns the same codes. Each grant is its own workflow with its own
 * compensation; one that fails is retried by the next delivery.
 */
export const grantOrderPaidCouponsStep = createStep(
  "fission-membership-grant-order-paid-coupons",
  async (input: { order_id: string; customer_id: string; merchandise_total: string }, { container }) => {
    const rules = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).listCouponRules({ is_active: true, trigger: "order_paid" })
    const granted: { rule_id: string; promotion_id: string; code: string }[] = []
    const failures: unknown[] = []
    for (const rule of rules) {
      if (!orderReachesMinimum(input.merchandise_total, rule.min_order_total as any)) continue
      try {
        const { result } = await grantCouponWorkflow(container).run({
          input: {
            customer_id: input.customer_id,
            template_promotion_id: rule.template_promotion_id,
            idempotency_key: `coupon:order_paid:${input.order_id}:${rule.id}`,
            reason: "coupon.order_paid",
          },
        })
        granted.push({ rule_id: rule.id, ...result })
      } catch (e) {
        failures.push(e)
      }
    }
    if (failures.length) throw failures[0]
    return new StepResponse(granted)
  }
)
