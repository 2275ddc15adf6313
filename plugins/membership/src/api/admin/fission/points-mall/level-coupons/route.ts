import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { makeLevelExclusivePromotionWorkflow } from "../../../../../workflows/coupons"

/**
 * POST /admin/fission/points-mall/level-coupons `{ promotion_id, level_ids }` → `{ rules }`: the promotion's code
 * then works only for members of those levels (condition `customer.groups.id in` their groups).
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ promotion_id: string; level_ids: string[] }>, res: MedusaResponse) => {
  const { result: rules } = await makeLevelExclusivePromotionWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.json({ rules })
}
