import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../../modules/group-draw"
import { formatCampaign } from "../../../utils/format"
import { StoreGetGroupDrawsParamsType } from "./validators"

/** GET /store/fission/group-draws — open, listed campaigns (private ones are joined by link). */
export const GET = async (req: MedusaRequest<unknown, StoreGetGroupDrawsParamsType>, res: MedusaResponse) => {
  const { offset, limit } = req.validatedQuery as StoreGetGroupDrawsParamsType
  const service = req.scope.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const now = new Date()
  const [campaigns, count] = await service.listAndCountGroupDrawCampaigns(
    {
      status: "active",
      visibility: "open",
      $and: [
        { $or: [{ starts_at: null }, { starts_at: { $lte: now } }] },
        { $or: [{ ends_at: null }, { ends_at: { $gt: now } }] },
      ],
    } as any,
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ group_draws: campaigns.map(formatCampaign), count, offset, limit })
}
