import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"

export const completeRedemptionStep = createStep(
  "fission-membership-complete-redemption",
  async (
    input: { id: string; promotion_id?: string | null; code?: string | null; credit_amount?: string | null; currency_code?: string | null },
    { container }
  ) => new StepResponse(await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).completeRedemption(input))
)
