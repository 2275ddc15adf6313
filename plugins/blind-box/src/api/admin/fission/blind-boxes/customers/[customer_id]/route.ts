import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../../modules/blind-box"
import { formatCampaign, formatOpen } from "../../../../../utils/format"

/** GET /admin/fission/blind-boxes/customers/:customer_id — the customer widget: age confirmation, seed gifts, initiated boxes, recent opens. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customer_id = req.params.customer_id
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [age] = await service.listBlindBoxAgeConfirmations({ customer_id })
  const gifts = await service.listBlindBoxSeedGifts({ customer_id })
  const [initiated, initiatedCount] = await service.listAndCountBlindBoxCampaigns({ initiator_id: customer_id }, { take: 10, order: { created_at: "DESC" } })
  const [opens, opensCount] = await service.listAndCountBlindBoxOpens({ customer_id, status: ["lost", "won"] }, { take: 20, order: { created_at: "DESC" } })
  res.json({
    customer: {
      customer_id,
      age_confirmation: age ? { age: age.age, guardian_consent: age.guardian_consent, guardian_name: age.guardian_name, confirmed_at: age.created_at } : null,
      seed_gifts: gifts.map((g) => ({ template_id: g.template_id, slot: g.slot, amount: Number(g.amount), posted: !!g.posted_at })),
      initiated: { count: initiatedCount, recent: initiated.map((c) => formatCampaign(c, null, { admin: true })) },
      opens: { count: opensCount, won: opens.filter((o) => o.status === "won").length, recent: opens.map(formatOpen) },
    },
  })
}
