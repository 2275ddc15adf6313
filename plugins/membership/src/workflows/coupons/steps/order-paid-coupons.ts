import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"
import { orderReachesMinimum } from "../../../utils/points-mall"
import { grantCouponWorkflow } from "../workflows/grant-coupon"

/**
 * "After an order is paid, grant coupon X" (SPEC §6.7): every active rule the
 * paid product value (items after discounts, no shipping) reaches grants one
 * coupon, keyed `coupon:order_paid:<order>:<rule>` — a redelivered payment
 * event returns the same codes. Each grant is its own workflow with its own
 * compensation; one that fails is retried by the next delivery.
 */
export const grantOrderPaidCouponsStep = createStep(
  "fission-membership-grant-order-paid-coupons",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "total", "items.*", "items.subtotal", "items.discount_subtotal"],
      filters: { id: input.order_id },
    })
    if (!order?.customer_id) return new StepResponse([])
    const rules = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).listCouponRules({ is_active: true, trigger: "order_paid" })
    let paid = MathBN.convert(0)
    for (const item of (order.items ?? []).filter(Boolean) as any[]) {
      paid = MathBN.add(paid, MathBN.max(MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0), 0))
    }
    const granted: { rule_id: string; promotion_id: string; code: string }[] = []
    const failures: unknown[] = []
    for (const rule of rules) {
      if (!orderReachesMinimum(paid.toFixed(), rule.min_order_total as any)) continue
      try {
        const { result } = await grantCouponWorkflow(container).run({
          input: {
            customer_id: order.customer_id,
            template_promotion_id: rule.template_promotion_id,
            idempotency_key: `coupon:order_paid:${order.id}:${rule.id}`,
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
