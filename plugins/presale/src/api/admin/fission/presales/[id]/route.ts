import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../modules/presale"
import { updatePresaleCampaignWorkflow } from "../../../../../workflows/campaigns"
import { formatCampaign } from "../../../../utils/format"
import { AdminUpdatePresaleType } from "../validators"

export async function campaignOr404(service: PresaleModuleService, id: string) {
  const [campaign] = await service.listPresaleCampaigns({ id })
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${id} was not found`)
  return campaign
}

/** GET /admin/fission/presales/:id — the campaign with its totals (paid, refunds requested and done, free orders). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const campaign = await campaignOr404(service, req.params.id)
  const totals = await service.campaignTotals(campaign.id)
  res.json({
    presale: {
      ...formatCampaign(campaign),
      totals: {
        participants: totals.participants,
        paid: Number(totals.paid),
        refund_requested: Number(totals.refund_requested),
        refunded: Number(totals.refunded),
        revenue: Number(totals.paid) - Number(totals.refund_requested),
        free_orders: totals.free_orders,
        refunds: totals.refunds,
      },
    },
  })
}

/** POST /admin/fission/presales/:id — update; money and draw rules are frozen once a participant has paid. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdatePresaleType>, res: MedusaResponse) => {
  const { result } = await updatePresaleCampaignWorkflow(req.scope).run({ input: { id: req.params.id, data: req.validatedBody as any } })
  res.json({ presale: formatCampaign(result) })
}
