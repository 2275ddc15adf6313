import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/** The paid order's buyer, their referrer and the buyer's lifetime paid spend. */
export const loadPaidOrderStep = createStep(
  "fission-load-paid-order",
  async ({ order_id }: { order_id: string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const [order] = await service.listCommissionOrders({ order_id })
    if (!order?.paid_at || order.status === "canceled") return new StepResponse(null)
    const [referral] = await service.listReferrals({ customer_id: order.buyer_id })
    const paid = (await service.listCommissionOrders({ buyer_id: order.buyer_id, paid_at: { $ne: null } } as any)).filter(
      (o) => o.status !== "canceled"
    )
    const spend = paid.reduce((sum, o) => MathBN.add(sum, MathBN.sub(o.base_total, o.refunded_total)), MathBN.convert(0))
    return new StepResponse({
      order_id,
      buyer_id: order.buyer_id,
      referrer_id: referral?.referrer_id ?? null,
      lifetime_paid_spend: spend.toFixed(),
      paid_at: order.paid_at,
    })
  }
)
