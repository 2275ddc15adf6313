import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { findOrCreatePromoter } from "./create-promoter"
import { InferTypeOf } from "@medusajs/framework/types"
import { Promoter } from "../../../modules/distribution/models"

export type EvaluateAutoPromoterInput = {
  customer_id: string
  /** The customer's lifetime paid spend (decimal, store currency), e.g. "899". */
  lifetime_paid_spend: number | string
}

/**
 * promoter_mode `auto_after_spend`: the customer becomes an active promoter once
 * lifetime paid spend ≥ auto_promoter_threshold (default 899). Existing records
 * are left as they are (a disabled promoter stays disabled). Exact comparison.
 */
type Output = { promoter: InferTypeOf<typeof Promoter> | null; promoted: boolean }

export const evaluateAutoPromoterStep = createStep(
  "fission-evaluate-auto-promoter",
  async (input: EvaluateAutoPromoterInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const settings = await service.retrieveSettings()
    const none: Output = { promoter: null, promoted: false }
    if (settings.promoter_mode !== "auto_after_spend") return new StepResponse<Output, string | null>(none, null)
    if (!MathBN.gte(MathBN.convert(input.lifetime_paid_spend), MathBN.convert(settings.auto_promoter_threshold as any))) {
      return new StepResponse<Output, string | null>(none, null)
    }
    const { promoter, created } = await findOrCreatePromoter(service, { customer_id: input.customer_id, status: "active", source: "auto_spend" })
    return new StepResponse<Output, string | null>({ promoter: promoter as Output["promoter"], promoted: created }, created ? promoter.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).deletePromoters(createdId)
  }
)
