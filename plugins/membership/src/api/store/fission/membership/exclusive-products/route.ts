import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { requiredLevels } from "../../../../../utils"

/**
 * GET /store/fission/membership/exclusive-products → `{ exclusive_products: [{ product_id,
 * level: { id, name, growth_threshold } }] }`: products only members at or above `level` may buy.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const levels = await req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).listMemberLevels({})
  const exclusive_products = [...requiredLevels(levels as any[])].map(([product_id, l]) => ({
    product_id,
    level: { id: l.id, name: l.name, growth_threshold: Number(l.growth_threshold) },
  }))
  res.json({ exclusive_products })
}
