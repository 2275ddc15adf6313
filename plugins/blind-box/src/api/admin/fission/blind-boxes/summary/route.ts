import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"

/** GET /admin/fission/blind-boxes/summary — revenue and payouts per template, opens and revenue per day (30 days). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const { templates, days } = await service.summary()
  const n = (v: unknown) => Number(v)
  res.json({
    summary: {
      templates: templates.map((t: any) => ({
        template_id: t.template_id,
        campaigns: t.campaigns,
        won: t.won,
        opens: t.opens,
        initiation_cash: n(t.initiation_cash),
        initiation_vouchers: n(t.initiation_vouchers),
        open_revenue: n(t.open_revenue),
        initiator_shares: n(t.initiator_shares),
        consolation_vouchers: n(t.consolation_vouchers),
        claimed_products: t.claimed_products,
        claimed_vouchers: t.claimed_vouchers,
      })),
      days: days.map((d: any) => ({ day: d.day, opens: d.opens, revenue: n(d.revenue) })),
    },
  })
}
