import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/** Stamps paid/delivered on the order's commission row; idempotent (first timestamp wins). */
export const markOrderTimelineStep = createStep(
  "fission-mark-commission-order-timeline",
  async ({ order_id, event }: { order_id: string; event: "paid" | "delivered" }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const settings = await service.retrieveSettings()
    return new StepResponse(await service.markOrderTimeline(order_id, event, Number(settings.freeze_days)))
  }
)
