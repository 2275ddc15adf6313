import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRESALE_MODULE, PresaleModuleService } from "../../../../modules/presale"
import { createPresaleCampaignWorkflow } from "../../../../workflows/campaigns"
import { formatCampaign } from "../../../utils/format"
import { AdminCreatePresaleType, AdminGetPresalesParamsType } from "./validators"

/** GET /admin/fission/presales?status=&product_id= — campaigns, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status, product_id, offset, limit } = req.validatedQuery as AdminGetPresalesParamsType
  const service = req.scope.resolve<PresaleModuleService>(PRESALE_MODULE)
  const filters = { ...(status ? { status } : {}), ...(product_id ? { product_id } : {}) }
  const [campaigns, count] = await service.listAndCountPresaleCampaigns(filters, { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } })
  res.json({ presales: campaigns.map(formatCampaign), count, offset, limit })
}

/** POST /admin/fission/presales — define a pre-sale (rules checked; `status: "active"` starts it and commits its draws). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePresaleType>, res: MedusaResponse) => {
  const { result } = await createPresaleCampaignWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.status(201).json({ presale: formatCampaign(result) })
}
