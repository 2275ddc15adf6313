import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getPublicDraws } from "@fission/core/workflows"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../../../modules/presale"
import { FAIRNESS_NOTE, formatRound } from "../../../../../utils/format"
import { StoreGetPresaleDrawsParamsType } from "../../validators"

/**
 * GET /store/fission/presales/:id/draws — the drawn free-order rounds, newest first, each with
 * its public draw record (seed, inputs, outcome, digest) for `fission-verify`, and the chain head
 * committed at the start.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreGetPresaleDrawsParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const [campaign] = await service.listPresaleCampaigns({ id: req.params.id })
  if (!campaign || campaign.status === "draft") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${req.params.id} was not found`)
  const [rounds, count] = await service.listAndCountPresaleDraws(
    { campaign_id: campaign.id, drawn_at: { $ne: null } },
    { skip: offset, take: limit, order: { round: "DESC" } }
  )
  const records = await getPublicDraws(req.scope, rounds.map((r) => r.draw_id))
  res.json({
    chain_head: campaign.chain_head,
    rounds_committed: campaign.draw_rounds,
    fairness: FAIRNESS_NOTE,
    draws: rounds.map((r) => formatRound(r, records.get(r.draw_id) ?? null)),
    count,
    offset,
    limit,
  })
}
