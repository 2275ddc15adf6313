import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/**
 * Claims an order for release or cancellation with a conditional update, so two
 * workers (or a duplicated tick) act once. Compensation puts the status back.
 */
export const claimCommissionOrderStep = createStep(
  "fission-claim-commission-order",
  async ({ order_id, to }: { order_id: string; to: "settled" | "canceled" }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const [row] = await service.listCommissionOrders({ order_id })
    if (!row) return new StepResponse({ claimed: false }, null)
    const from = to === "settled" ? ["delivered"] : ["placed", "paid", "delivered", "settled"]
    const claimed = await service.transitionCommissionOrder(order_id, from, to)
    return new StepResponse({ claimed }, claimed ? { id: row.id, status: row.status } : null)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.updateCommissionOrders({ id: previous.id, status: previous.status as any })
  }
)
