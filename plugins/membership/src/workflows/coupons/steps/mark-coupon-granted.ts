import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"

export const markCouponGrantedStep = createStep(
  "fission-membership-mark-coupon-granted",
  async (input: { grant_id: string; promotion_id: string }, { container }) => {
    await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).markCouponGranted(input.grant_id, input.promotion_id)
    return new StepResponse(input)
  }
)
