import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { withDetails } from "../admin-promoter"

/** GET /admin/fission/promoters/:id → `{ promoter }` with customer, team counts, referrer and rank. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const promoter = await service.retrievePromoter(req.params.id)
  const [detailed] = await withDetails(req.scope, [promoter])
  const rank = promoter.rank_id ? (await service.listDistributionRanks({ id: promoter.rank_id }))[0] ?? null : null
  res.json({ promoter: { ...detailed, rank } })
}
