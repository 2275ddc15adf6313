import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../../modules/points-mall"
import { mallItemEligibility, remainingForCustomer } from "../../../../utils"
import { requestNow } from "../../../../utils/clock"
import { customerLevelId } from "../../../../workflows/points-mall"

/**
 * GET /store/fission/points-mall → `{ items: [{ id, title, kind, points_cost, cash_price, credit_amount,
 * currency_code, variant_id, stock, per_customer_limit, remaining_for_me, eligible, ineligible_reason }], count }`:
 * active items inside their window, with what the logged-in customer may still redeem.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const now = requestNow(req)
  const service = req.scope.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
  const items = (await service.listMallItems({ is_active: true }, { order: { points_cost: "ASC" } })) as any[]
  const visible = items.filter((i) => (!i.starts_at || new Date(i.starts_at) <= now) && (!i.ends_at || new Date(i.ends_at) > now))
  const [level_id, usage] = await Promise.all([
    customerLevelId(req.scope, customer_id),
    service.usageOf(customer_id, visible.map((i) => i.id)),
  ])
  res.json({
    items: visible.map((i) => {
      const used = usage.get(i.id) ?? 0
      const verdict = mallItemEligibility(i, { now, level_id, used })
      return {
        id: i.id,
        title: i.title,
        description: i.description,
        kind: i.kind,
        points_cost: i.points_cost,
        cash_price: i.cash_price,
        credit_amount: i.credit_amount,
        currency_code: i.currency_code,
        variant_id: i.variant_id,
        stock: i.stock,
        per_customer_limit: i.per_customer_limit,
        allowed_level_ids: i.allowed_level_ids ?? [],
        ends_at: i.ends_at,
        remaining_for_me: remainingForCustomer(i.per_customer_limit, used),
        eligible: verdict.eligible,
        ineligible_reason: verdict.eligible ? null : verdict.code,
      }
    }),
    count: visible.length,
  })
}
