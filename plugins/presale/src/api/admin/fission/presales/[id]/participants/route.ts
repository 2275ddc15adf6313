import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { formatParticipant } from "../../../../../utils/format"
import { AdminGetParticipantsParamsType } from "../../validators"
import { campaignOr404 } from "../route"

/** GET /admin/fission/presales/:id/participants — in number order, with net price, refunds owed/requested/done and status. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as AdminGetParticipantsParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const campaign = await campaignOr404(service, req.params.id)
  const [participants, count] = await service.listAndCountPresaleParticipants(
    { campaign_id: campaign.id },
    { skip: offset, take: limit, order: { number: "ASC" } }
  )
  const refunds = participants.length ? await service.listPresaleRefunds({ participant_id: participants.map((p) => p.id) }, { order: { created_at: "ASC" } }) : []
  res.json({
    participants: participants.map((p) => formatParticipant(campaign, p, refunds.filter((r) => r.participant_id === p.id))),
    count,
    offset,
    limit,
  })
}
