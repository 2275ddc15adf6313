import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../modules/presale"
import { formatCampaign } from "../../../utils/format"
import { StoreGetPresalesParamsType } from "./validators"

/** GET /store/fission/presales?status=active — pre-sales with their live price and counts (drafts never). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { offset, limit, status } = req.validatedQuery as StoreGetPresalesParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const [campaigns, count] = await service.listAndCountPresaleCampaigns(
    { status: status ?? "active" },
    { skip: offset, take: limit, order: { ends_at: "ASC", id: "ASC" } }
  )
  res.json({ presales: campaigns.map(formatCampaign), count, offset, limit })
}
