import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../modules/presale"
import { formatParticipant } from "../../../../utils/format"
import { AdminFindParticipantsParamsType } from "../validators"

/** GET /admin/fission/presales/participants?order_id=|customer_id= — participations of an order or a customer (order and customer widgets). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as AdminFindParticipantsParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const participants = await service.listPresaleParticipants(
    { ...(q.order_id ? { order_id: q.order_id } : {}), ...(q.customer_id ? { customer_id: q.customer_id } : {}) },
    { take: q.limit, order: { created_at: "DESC" } }
  )
  const campaigns = participants.length ? await service.listPresaleCampaigns({ id: [...new Set(participants.map((p) => p.campaign_id))] }) : []
  const refunds = participants.length ? await service.listPresaleRefunds({ participant_id: participants.map((p) => p.id) }) : []
  const byId = new Map(campaigns.map((c) => [c.id, c]))
  res.json({
    participants: participants.map((p) => ({
      ...formatParticipant(byId.get(p.campaign_id), p, refunds.filter((r) => r.participant_id === p.id)),
      campaign_id: p.campaign_id,
      campaign_title: byId.get(p.campaign_id)?.title ?? null,
    })),
  })
}
