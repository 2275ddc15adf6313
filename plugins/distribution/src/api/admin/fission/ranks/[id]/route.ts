import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../modules/distribution"
import { deleteDistributionRankWorkflow, updateDistributionRankWorkflow } from "../../../../../workflows/promoters"
import { AdminUpdateRankType } from "../validators"

/** GET /admin/fission/ranks/:id → `{ rank }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const rank = await req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).retrieveDistributionRank(req.params.id)
  res.json({ rank })
}

/** POST /admin/fission/ranks/:id → `{ rank }` (partial update). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateRankType>, res: MedusaResponse) => {
  const { result: rank } = await updateDistributionRankWorkflow(req.scope).run({ input: { id: req.params.id, ...(req.validatedBody as any) } })
  res.json({ rank })
}

/** DELETE /admin/fission/ranks/:id → `{ id, object, deleted }`; 400 `not_allowed` while promoters hold the rank. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteDistributionRankWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "distribution_rank", deleted: true })
}
