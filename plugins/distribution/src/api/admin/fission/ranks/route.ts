import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { createDistributionRankWorkflow } from "../../../../workflows/promoters"
import { AdminCreateRankType, AdminGetRanksParamsType } from "./validators"

/** GET /admin/fission/ranks → `{ ranks, count, offset, limit }` by position. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetRanksParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetRanksParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const [ranks, count] = await service.listAndCountDistributionRanks({}, { skip: offset, take: limit, order: { position: "ASC", created_at: "ASC" } })
  res.json({ ranks, count, offset, limit })
}

/** POST /admin/fission/ranks → `{ rank }`; conditions validated (team_counts at most 3 levels, rates 0..1). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateRankType>, res: MedusaResponse) => {
  const { result: rank } = await createDistributionRankWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.json({ rank })
}
