import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../../modules/points-mall"
import { AdminGetRedemptionsParamsType } from "./validators"

/**
 * GET /admin/fission/points-mall/redemptions?customer_id=&item_id= → `{ redemptions, count, offset, limit }`,
 * newest first (coupon and store-credit redemptions; points held on carts are `cart_points` of the order).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetRedemptionsParamsType>, res: MedusaResponse) => {
  const { customer_id, item_id, limit, offset } = req.validatedQuery as AdminGetRedemptionsParamsType
  const filters: Record<string, string> = {}
  if (customer_id) filters.customer_id = customer_id
  if (item_id) filters.item_id = item_id
  const [redemptions, count] = await req.scope
    .resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    .listAndCountMallRedemptions(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ redemptions, count, offset, limit })
}
