import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setPromoterRankWorkflow } from "../../../../../../workflows/promoters"
import { AdminSetPromoterRankType } from "../../validators"
import { withDetails } from "../../admin-promoter"

/** POST /admin/fission/promoters/:id/rank `{ rank_id | null }` — rank override (null = automatic again). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetPromoterRankType>, res: MedusaResponse) => {
  const { result } = await setPromoterRankWorkflow(req.scope).run({
    input: { id: req.params.id, rank_id: req.validatedBody.rank_id },
  })
  const [promoter] = await withDetails(req.scope, [result])
  res.json({ promoter })
}
