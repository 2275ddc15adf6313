import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/**
 * Admin rank override: pins the promoter to `rank_id` (rank_overridden = true, so
 * automatic rank evaluation leaves it alone), or with null hands the rank back
 * to automatic evaluation. Unknown ids → 404 from retrieve.
 */
export const setPromoterRankStep = createStep(
  "fission-set-promoter-rank",
  async ({ id, rank_id }: { id: string; rank_id: string | null }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const promoter = await service.retrievePromoter(id)
    if (rank_id) await service.retrieveDistributionRank(rank_id)
    const updated = await service.updatePromoters({ id, rank_id, rank_overridden: rank_id !== null })
    return new StepResponse(updated, { id, rank_id: promoter.rank_id, rank_overridden: promoter.rank_overridden })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).updatePromoters(previous)
  }
)
