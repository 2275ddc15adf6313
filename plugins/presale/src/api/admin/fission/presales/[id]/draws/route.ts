import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getPublicDraws } from "@fission/core/workflows"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { formatRound } from "../../../../../utils/format"
import { AdminGetParticipantsParamsType } from "../../validators"
import { campaignOr404 } from "../route"

/** GET /admin/fission/presales/:id/draws — every committed round (drawn ones with their record), in round order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as AdminGetParticipantsParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const campaign = await campaignOr404(service, req.params.id)
  const [rounds, count] = await service.listAndCountPresaleDraws({ campaign_id: campaign.id }, { skip: offset, take: limit, order: { round: "ASC" } })
  const records = await getPublicDraws(req.scope, rounds.filter((r) => r.drawn_at).map((r) => r.draw_id))
  res.json({ chain_head: campaign.chain_head, draws: rounds.map((r) => formatRound(r, records.get(r.draw_id) ?? null)), count, offset, limit })
}
