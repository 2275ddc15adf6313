import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../modules/points-mall"

/**
 * GET /store/fission/coupons → `{ coupons: [{ code, promotion_id, reason, used, granted_at }], count }`: the
 * coupons granted to the logged-in customer (points mall, after-payment rules, tasks), newest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const grants = await req.scope
    .resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    .listCouponGrants({ customer_id: req.auth_context.actor_id, status: "granted" }, { order: { created_at: "DESC" }, take: 200 })
  const ids = grants.map((g) => g.promotion_id!).filter(Boolean)
  const promotions = ids.length ? await req.scope.resolve(Modules.PROMOTION).listPromotions({ id: ids }) : []
  const byId = new Map(promotions.map((p) => [p.id, p]))
  const coupons = grants
    .filter((g) => byId.has(g.promotion_id!))
    .map((g) => {
      const p = byId.get(g.promotion_id!) as any
      return { code: g.code, promotion_id: g.promotion_id, reason: g.reason, used: Number(p.used ?? 0) >= Number(p.limit ?? Infinity), granted_at: g.created_at }
    })
  res.json({ coupons, count: coupons.length })
}
