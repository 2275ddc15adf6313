import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../modules/presale"
import { formatCampaign, formatParticipant } from "../../../../utils/format"

/**
 * GET /store/fission/presales/:id — rules, current price, participants, next rebate threshold,
 * next free draw; with a logged-in customer also `me`: my positions, draws entered, refunds so far.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const [campaign] = await service.listPresaleCampaigns({ id: req.params.id })
  if (!campaign || campaign.status === "draft") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${req.params.id} was not found`)
  const customer_id = req.auth_context?.actor_id
  let me: unknown = null
  if (customer_id) {
    const mine = await service.listPresaleParticipants({ campaign_id: campaign.id, customer_id }, { order: { number: "ASC" }, take: 100 })
    const refunds = mine.length ? await service.listPresaleRefunds({ participant_id: mine.map((p) => p.id) }, { order: { created_at: "ASC" } }) : []
    me = {
      participations: mine.map((p) => formatParticipant(campaign, p, refunds.filter((r) => r.participant_id === p.id))),
    }
  }
  res.json({ presale: { ...formatCampaign(campaign), me } })
}
