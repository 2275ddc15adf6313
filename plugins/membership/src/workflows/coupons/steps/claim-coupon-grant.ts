import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"
import { couponCode } from "../../../utils/coupons"

export type GrantCouponInput = {
  customer_id: string
  template_promotion_id: string
  idempotency_key: string
  reason: string
}

/**
 * Claims the idempotency key of a grant. A replay gets the existing grant back
 * (`created: false`) and the workflow creates nothing.
 */
export const claimCouponGrantStep = createStep(
  "fission-membership-claim-coupon-grant",
  async (input: GrantCouponInput, { container }) => {
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    const claimed = await service.claimCouponGrant({ ...input, code: couponCode() })
    return new StepResponse(claimed, claimed.created ? claimed.grant.id : undefined)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).removeCouponGrant(id)
  }
)
