import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

export const loadCommissionsStep = createStep(
  "fission-load-commissions",
  async ({ order_id, status }: { order_id: string; status?: string | string[] }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const records = await service.listCommissions({ order_id, ...(status ? { status: status as any } : {}) })
    return new StepResponse(records.map((r) => ({ id: r.id, posting_key: r.posting_key, status: r.status })))
  }
)
