import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewPromoterWorkflow } from "../../../../../../workflows/promoters"
import { AdminReviewPromoterType } from "../../validators"
import { withDetails } from "../../admin-promoter"

/** POST /admin/fission/promoters/:id/enable → `{ promoter }`; 400 `not_allowed` if the status does not allow it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewPromoterType>, res: MedusaResponse) => {
  const { result } = await reviewPromoterWorkflow(req.scope).run({
    input: { id: req.params.id, action: "enable", reason: req.validatedBody.reason ?? null, actor_id: req.auth_context.actor_id },
  })
  const [promoter] = await withDetails(req.scope, [result])
  res.json({ promoter })
}
