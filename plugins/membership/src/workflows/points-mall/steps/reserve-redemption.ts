import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"

/** Stock, per-customer limit and a pending redemption row in one transaction; compensation gives them back. */
export const reserveRedemptionStep = createStep(
  "fission-membership-reserve-redemption",
  async (input: { item_id: string; customer_id: string; idempotency_key: string; points: number; kind: string }, { container }) => {
    const reserved = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).reserveRedemption(input)
    return new StepResponse(reserved, reserved.replayed ? undefined : reserved.redemption.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).releaseRedemption(id)
  }
)
