import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../modules/blind-box"
import { formatCampaign } from "../../../utils/format"

/** GET /admin/fission/blind-boxes?status=&template_id=&customer_id=&offset=&limit= — campaigns with their state. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { status, template_id, customer_id, offset, limit } = req.validatedQuery as any
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const filters: any = {}
  if (status) filters.status = status
  if (template_id) filters.template_id = template_id
  if (customer_id) filters.initiator_id = customer_id
  const [campaigns, count] = await service.listAndCountBlindBoxCampaigns(filters, { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } })
  res.json({ blind_boxes: campaigns.map((c) => formatCampaign(c, null, { admin: true })), count, offset, limit })
}
