import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../modules/blind-box"
import { formatCampaign, formatOpen } from "../../../../utils/format"
import { StoreListParamsType } from "../../blind-boxes/validators"

/**
 * GET /store/fission/my/blind-boxes — the logged-in customer's blind boxes, newest first: those
 * they initiated and those they opened, each with their own opens.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreListParamsType
  const customer_id = req.auth_context.actor_id
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const opens = await service.listBlindBoxOpens({ customer_id, status: ["lost", "won"] }, { select: ["campaign_id"], take: 10_000 })
  const ids = [...new Set(opens.map((o) => o.campaign_id))]
  const [campaigns, count] = await service.listAndCountBlindBoxCampaigns(
    { $or: [{ initiator_id: customer_id }, { id: ids }], status: ["open", "won"] } as any,
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const mine = campaigns.length
    ? await service.listBlindBoxOpens({ customer_id, campaign_id: campaigns.map((c) => c.id), status: ["lost", "won"] }, { order: { number: "ASC" } })
    : []
  res.json({
    blind_boxes: campaigns.map((c) => ({
      ...formatCampaign(c, null, { viewer: customer_id }),
      role: c.initiator_id === customer_id ? "initiator" : "opener",
      my_opens: mine.filter((o) => o.campaign_id === c.id).map(formatOpen),
    })),
    count,
    offset,
    limit,
  })
}
